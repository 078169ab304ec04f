declare module 'hyphen/sv/index.js' {
  const swedish: {
    hyphenateSync(
      text: string,
      options?: { hyphenChar?: string; minWordLength?: number; exceptions?: string[] },
    ): string;
  };
  export default swedish;
}
