import type { InitializeHook, ResolveHook } from 'node:module';

/**
 * Module resolution hooks for a render worker (registered with `module.register`): the render
 * code imports `../../templates/*.js` statically, so to draw with freshly compiled templates,
 * every resolution that lands in the built templates folder is sent to the worker's own
 * generation folder instead. Code inside that folder resolves everything else (react, the
 * render modules it shares) as if it sat in the built templates folder, so there is one copy
 * of each render module and the bare specifiers find node_modules.
 */

/** Both as file URLs ending in `/`. */
export interface TemplateHookData {
  /** The built templates, `dist/templates/`, which the render code imports. */
  builtUrl: string;
  /** This generation's compiled templates. */
  generationUrl: string;
}

let builtUrl = '';
let generationUrl = '';

export const initialize: InitializeHook<TemplateHookData> = (data) => {
  builtUrl = data.builtUrl;
  generationUrl = data.generationUrl;
};

export const resolve: ResolveHook = async (specifier, context, nextResolve) => {
  const parent = context.parentURL;
  if (parent !== undefined && parent.startsWith(generationUrl)) {
    const isRelative = specifier.startsWith('./') || specifier.startsWith('../');
    // A template importing another template stays inside its generation.
    if (isRelative && new URL(specifier, parent).href.startsWith(generationUrl)) {
      return nextResolve(specifier, context);
    }
    const stand = builtUrl + parent.slice(generationUrl.length);
    return redirect(await nextResolve(specifier, { ...context, parentURL: stand }));
  }
  return redirect(await nextResolve(specifier, context));
};

function redirect<T extends { url: string }>(resolved: T): T {
  if (!resolved.url.startsWith(builtUrl)) return resolved;
  return { ...resolved, url: generationUrl + resolved.url.slice(builtUrl.length) };
}
