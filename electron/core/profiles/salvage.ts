/**
 * Recovers what it can from a profiles file that is not valid JSON (cut short by a crash or
 * a full disk, or edited by hand): every complete `{…}` object inside the `"profiles"` array
 * is parsed on its own. The caller validates each one; nothing here trusts the content.
 */
export function salvageProfiles(text: string): unknown[] {
  const key = text.search(/"profiles"\s*:\s*\[/);
  if (key === -1) return [];
  let i = text.indexOf('[', key) + 1;
  const found: unknown[] = [];
  while (i < text.length) {
    const start = text.indexOf('{', i);
    if (start === -1) break;
    const end = matchingBrace(text, start);
    if (end === -1) break;
    try {
      found.push(JSON.parse(text.slice(start, end + 1)));
    } catch {
      // not a whole object: skip it
    }
    i = end + 1;
    // Stop at the end of the profiles array.
    const next = text.slice(i).match(/^\s*([,\]])/);
    if (next?.[1] === ']') break;
  }
  return found;
}

/** Index of the `}` closing the `{` at `start`, skipping strings; -1 if the text ends first. */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i += 1) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i += 1;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === '{') depth += 1;
    else if (c === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}
