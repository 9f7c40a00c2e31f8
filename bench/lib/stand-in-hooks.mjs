// Module hooks: `@cadre/rules` resolves to the bench's stand-in engine when the package has no
// entry point yet (see stand-in-engine.ts). Anything else resolves as usual.
const standIn = new URL('./stand-in-engine.ts', import.meta.url).href;

export async function resolve(specifier, context, nextResolve) {
  if (specifier !== '@cadre/rules') return nextResolve(specifier, context);
  try {
    return await nextResolve(specifier, context);
  } catch {
    // resolved through the chain, so the TypeScript loader (tsx) takes the stand-in's source
    return nextResolve(standIn, context);
  }
}
