export const serverFns = Object.freeze({ __proto__: null,
  "89kMSmGxauih4JGO": { id: "89kMSmGxauih4JGO", name: "listTodos", method: "POST", maxArgs: 1, load: () => import("/project/worker/todos.server.ts").then((m) => m["listTodos"]) },
  "03Scn2Mcsz2xt_jX": { id: "03Scn2Mcsz2xt_jX", name: "watch", method: "POST", maxArgs: Infinity, load: () => import("/project/worker/todos.server.ts").then((m) => m["watch"]) },
  "Kt-uQYaoWrG63Go9": { id: "Kt-uQYaoWrG63Go9", name: "addTodo", method: "POST", maxArgs: 1, load: () => import("/project/worker/todos.server.ts").then((m) => m["addTodo"]) },
  "UleeLPvTR2OsyDjd": { id: "UleeLPvTR2OsyDjd", name: "search", method: "GET", maxArgs: 2, load: () => import("/project/worker/todos.server.ts").then((m) => m["search"]) },
  "89Jc7EbzODk0e6qw": { id: "89Jc7EbzODk0e6qw", name: "addNote", method: "POST", maxArgs: 1, form: true, load: () => import("/project/worker/todos.server.ts").then((m) => m["addNote"]) },
  "0aJULqSdP79Pn69s": { id: "0aJULqSdP79Pn69s", name: "deleteTodo", method: "POST", maxArgs: 1, load: () => import("/project/worker/todos.server.ts").then((m) => m["deleteTodo"]) },
});
