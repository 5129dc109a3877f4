// HTML rendered once and handed to every request that would render the same thing (the workshop's static
// board, the plan table's rows, a round's findings): per owner (a document version, an analysis), a few
// variants, the least recently used going first. The owner is held weakly, so the HTML goes with it.
// What a variant key must hold — everything the HTML shows, nothing personal — is each caller's to say.

/** A keeper of rendered HTML: `kept(owner, variant, render)` returns the HTML rendered for that pair, rendering it on the first ask. */
export function renderedOnce<Owner extends object>(variantsPerOwner: number) {
  const byOwner = new WeakMap<Owner, Map<string, string>>();
  return function kept(owner: Owner, variant: string, render: () => string): string {
    let variants = byOwner.get(owner);
    if (!variants) {
      variants = new Map();
      byOwner.set(owner, variants);
    }
    const html = variants.get(variant);
    if (html !== undefined) {
      variants.delete(variant); // most recently used last
      variants.set(variant, html);
      return html;
    }
    const fresh = render();
    if (variants.size >= variantsPerOwner) variants.delete(variants.keys().next().value!);
    variants.set(variant, fresh);
    return fresh;
  };
}
