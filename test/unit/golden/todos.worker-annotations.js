
;const __lf_key = Symbol.for("litflare.serverFn");
if (typeof listTodos === "function" && !Object.hasOwn(listTodos, __lf_key)) Object.defineProperty(listTodos, __lf_key, { value: {"id":"89kMSmGxauih4JGO","name":"listTodos","method":"POST"} });
if (typeof watch === "function" && !Object.hasOwn(watch, __lf_key)) Object.defineProperty(watch, __lf_key, { value: {"id":"03Scn2Mcsz2xt_jX","name":"watch","method":"POST"} });
if (typeof addTodo === "function" && !Object.hasOwn(addTodo, __lf_key)) Object.defineProperty(addTodo, __lf_key, { value: {"id":"Kt-uQYaoWrG63Go9","name":"addTodo","method":"POST"} });
if (typeof search === "function" && !Object.hasOwn(search, __lf_key)) Object.defineProperty(search, __lf_key, { value: {"id":"UleeLPvTR2OsyDjd","name":"search","method":"GET"} });
if (typeof addNote === "function" && !Object.hasOwn(addNote, __lf_key)) Object.defineProperty(addNote, __lf_key, { value: {"id":"89Jc7EbzODk0e6qw","name":"addNote","method":"POST"} });
if (typeof remove === "function" && !Object.hasOwn(remove, __lf_key)) Object.defineProperty(remove, __lf_key, { value: {"id":"0aJULqSdP79Pn69s","name":"deleteTodo","method":"POST"} });
