import { serverProxy } from "/litflare/src/client/rpc/proxy.ts";
export const listTodos = /* @__PURE__ */ serverProxy("89kMSmGxauih4JGO", "listTodos", "POST");
export const watch = /* @__PURE__ */ serverProxy("03Scn2Mcsz2xt_jX", "watch", "POST", true);
export const addTodo = /* @__PURE__ */ serverProxy("Kt-uQYaoWrG63Go9", "addTodo", "POST");
export const search = /* @__PURE__ */ serverProxy("UleeLPvTR2OsyDjd", "search", "GET");
export const addNote = /* @__PURE__ */ serverProxy("89Jc7EbzODk0e6qw", "addNote", "POST", false, true);
export const deleteTodo = /* @__PURE__ */ serverProxy("0aJULqSdP79Pn69s", "deleteTodo", "POST");
