/** What h() takes as a child: nodes, text, and nothing (null, undefined, false), nested. */
export type Child = Node | string | number | null | undefined | false | readonly Child[];

type Listener = (event: Event) => void;

/**
 * Attributes of h(): `on…` are listeners, `className` and `text` set those properties, the rest
 * are attributes (true: present and empty; false, null, undefined: left out). No `style`: the
 * page's policy refuses inline styles, so looks come from page.css.
 */
export type Attributes = { style?: never } & Record<
  string,
  string | number | boolean | null | undefined | Listener
>;

/** An element with attributes (on… are listeners) and children. */
export function h<Tag extends keyof HTMLElementTagNameMap>(
  tag: Tag,
  attributes?: Attributes | null,
  ...children: Child[]
): HTMLElementTagNameMap[Tag] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === 'function') {
      if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    } else if (name === 'className') element.className = String(value);
    else if (name === 'text') element.textContent = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  element.append(...nodesOf(children));
  return element;
}

/** Children as nodes: nested lists flattened, nothing left out, the rest as text. */
function nodesOf(children: readonly Child[]): Node[] {
  const nodes: Node[] = [];
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (typeof child === 'string' || typeof child === 'number') {
      nodes.push(document.createTextNode(String(child)));
    } else if (child instanceof Node) nodes.push(child);
    else nodes.push(...nodesOf(child));
  }
  return nodes;
}

const svgNs = 'http://www.w3.org/2000/svg';

/** An inline SVG icon from path data, 24 × 24. */
export function icon(paths: readonly string[], className?: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  if (className !== undefined) svg.setAttribute('class', className);
  for (const d of paths) {
    const path = document.createElementNS(svgNs, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** The icons of the page, as path data. */
export const icons = {
  heart: [
    'M16.8 3.9c-2 0-3.6 1.2-4.8 3-1.2-1.8-2.8-3-4.8-3A4.9 4.9 0 0 0 2.3 9c0 5.6 8.6 11 9.7 11s9.7-5.4 9.7-11a4.9 4.9 0 0 0-4.9-5.1Z',
  ],
  comment: ['M20.7 16.8A9.6 9.6 0 1 0 17 20.5l4 1.1Z'],
  share: ['M22 3 9.2 10.1', 'M22 3 15 21l-5.8-10.9L2 6.4Z'],
  save: ['M20 21 12 13.4 4 21V3h16Z'],
  prev: ['M15 5 8 12l7 7'],
  next: ['M9 5l7 7-7 7'],
  warning: ['M12 3 2 20h20Z', 'M12 10v4', 'M12 17h.01'],
  multi: [
    'M19 15V5a2 2 0 0 0-2-2H7',
    'M15 7H5a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V9a2 2 0 0 0-2-2Z',
  ],
} as const;

/** The element of an id in page.html; its absence is a bug of the page, said at once. */
export function byId(id: string): HTMLElement {
  const element = document.getElementById(id);
  if (element === null) throw new Error(`page.html has no #${id}`);
  return element;
}
