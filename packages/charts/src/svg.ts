/** Attribute values of an SVG element; `undefined` leaves the attribute out. */
export type Attributes = Record<string, string | number | undefined>;

/** Escapes text for use in SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** One SVG element as text; numbers are rounded to 0.01 px to keep documents small. */
export function el(name: string, attributes: Attributes, children: string | readonly string[] = ''): string {
  const attrs = Object.entries(attributes)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${typeof value === 'number' ? round(value) : escapeXml(value)}"`)
    .join('');
  const body = typeof children === 'string' ? children : children.join('');
  return body === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>`;
}

/** A text element with escaped content. */
export function textEl(x: number, y: number, content: string, attributes: Attributes = {}): string {
  return el('text', { x, y, ...attributes }, escapeXml(content));
}

/** A whole SVG document of the given size. */
export function svgDocument(
  width: number,
  height: number,
  font: string,
  children: readonly string[],
): string {
  return el(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      'font-family': font,
    },
    children,
  );
}

function round(value: number): string {
  return String(Math.round(value * 100) / 100);
}
