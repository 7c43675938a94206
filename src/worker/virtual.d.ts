declare module 'virtual:litflare/shell' {
  /** The app's index.html after Vite's transforms (dev: with the HMR client; build: hashed assets). */
  const html: string;
  export default html;
}
