// Modules scripts/build-playground.mjs makes at build time.

declare module 'playground:worker-source' {
  /** The lint worker, bundled as a classic script. */
  const source: string;
  export default source;
}

declare module 'playground:examples' {
  const examples: {
    /** Request bodies under examples/, with paths relative to it. */
    bodies: { path: string; text: string }[];
    /** examples/rules.yaml, its `flavors:` path commented out. */
    config: string;
    /** examples/flavors.json. */
    flavors: string;
  };
  export default examples;
}
