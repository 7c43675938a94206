/** A todo as the demo's server functions return it. */
export interface Todo {
  id: number;
  title: string;
  done: boolean;
  createdAt: Date;
}
