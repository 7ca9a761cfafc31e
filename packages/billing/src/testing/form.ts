type FormValue = string | FormValue[] | { [key: string]: FormValue };

/**
 * Parses Stripe's form encoding (`a[b][0][c]=v`, as the SDK writes it) back into objects and
 * arrays, so the stub sees requests the way Stripe's servers do.
 */
export function parseStripeForm(text: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const [head, ...rest] = rawKey.replace(/\]/g, '').split('[');
    const path = [head!, ...rest];
    let node: Record<string, FormValue> | FormValue[] = root;
    path.forEach((key, i) => {
      const last = i === path.length - 1;
      const container = node as Record<string, FormValue>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(path[i + 1]!);
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, FormValue>;
    });
  }
  return root;
}
