// A saved `GET /v3/{project_id}/elb/flavors` response (elb-api-facts.md §3.1), indexed for the
// flavor rules. The text is checked as strictly as a request body: any problem is a configuration
// problem with the catalog's own line and column. No file is read here (flavors-file.ts reads one).

import { LineIndex } from '../json/line-index.js';
import { parseJson } from '../json/parse.js';
import { isObject } from '../json/pointer.js';
import { JsonTree } from '../json/tree.js';
import type { Flavor, FlavorCatalog } from '../model.js';
import { describeType } from '../text/show.js';
import type { ConfigProblem } from './errors.js';

export type FlavorCatalogText = { ok: true; catalog: FlavorCatalog } | { ok: false; problems: ConfigProblem[] };

/**
 * The catalog in a saved response's text, or every problem with its line and column. `file` is
 * what the problems name, `source` what the flavor rules' messages name.
 */
export function parseFlavorCatalog(text: string, file: string, source: string): FlavorCatalogText {
  const lines = new LineIndex(text);
  let tree: JsonTree | undefined;
  const problems: ConfigProblem[] = [];
  const problem = (pointer: string, message: string, offset?: number) => {
    const at = lines.position(offset ?? (tree ??= new JsonTree(text)).rangeOf(pointer).offset);
    problems.push({ file, line: at.line, column: at.column, message });
  };

  const parsed = parseJson(text);
  if (!parsed.ok) {
    problem('', `the flavor catalog is not valid JSON: ${parsed.error.reason}.`, parsed.error.range.offset);
    return { ok: false, problems };
  }
  for (const duplicate of parsed.duplicates) problem(duplicate.pointer, `"${duplicate.key}" appears twice in one object.`, duplicate.range.offset);

  const response = parsed.value;
  const list = isObject(response) ? response.flavors : undefined;
  if (!isObject(response) || !Array.isArray(list)) {
    problem(isObject(response) && Object.hasOwn(response, 'flavors') ? '/flavors' : '',
      'a flavor catalog is the saved response of GET /v3/{project_id}/elb/flavors: an object with a "flavors" list, e.g. {"flavors": [{"id": "…", "type": "L4", …}]}.');
    return { ok: false, problems };
  }

  const byId = new Map<string, Flavor>();
  const firstIndex = new Map<string, number>();
  list.forEach((entry, index) => {
    const at = `/flavors/${index}`;
    if (!isObject(entry)) {
      problem(at, `flavors[${index}] must be an object, not ${describeType(entry)}.`);
      return;
    }
    const { id, type, name } = entry;
    const soldOut = entry.flavor_sold_out;
    let ok = true;
    if (typeof id !== 'string' || id === '') {
      problem(Object.hasOwn(entry, 'id') ? `${at}/id` : at, `flavors[${index}].id must be a non-empty string${Object.hasOwn(entry, 'id') ? `, not ${describeType(id)}` : ' (it is missing)'}.`);
      ok = false;
    }
    if (typeof type !== 'string' || type === '') {
      problem(Object.hasOwn(entry, 'type') ? `${at}/type` : at, `flavors[${index}].type must be a flavor type such as "L4" or "L7_elastic_max"${Object.hasOwn(entry, 'type') ? `, not ${describeType(type)}` : ' (it is missing)'}.`);
      ok = false;
    }
    if (name !== undefined && typeof name !== 'string') {
      problem(`${at}/name`, `flavors[${index}].name must be a string, not ${describeType(name)}.`);
      ok = false;
    }
    if (soldOut !== undefined && typeof soldOut !== 'boolean') {
      problem(`${at}/flavor_sold_out`, `flavors[${index}].flavor_sold_out must be true or false, not ${describeType(soldOut)}.`);
      ok = false;
    }
    if (!ok) return;
    const first = firstIndex.get(id as string);
    if (first !== undefined) {
      problem(`${at}/id`, `flavors[${index}].id "${id as string}" is also the id of flavors[${first}]; each flavor appears once.`);
      return;
    }
    firstIndex.set(id as string, index);
    byId.set(id as string, { id: id as string, name: name as string | undefined, type: type as string, soldOut: soldOut === true });
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, catalog: { source, byId } };
}
