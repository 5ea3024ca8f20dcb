/** Vite `?url` imports: the file is emitted into dist/renderer and the import is its URL (same origin, within the CSP). */
declare module '*?url' {
  const url: string;
  export default url;
}
