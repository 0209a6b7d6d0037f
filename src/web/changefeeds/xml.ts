/** Characters XML 1.0 forbids even when escaped; news text sometimes carries them. */
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;'));
}

/** Tagged template like html``, for XML: every interpolated value is escaped; arrays of fragments are joined. */
export class Xml {
  constructor(readonly value: string) {}
}

type XmlValue = Xml | string | number | Xml[];

export function xml(strings: TemplateStringsArray, ...values: XmlValue[]): Xml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const text = v instanceof Xml ? v.value : Array.isArray(v) ? v.map((x) => x.value).join('') : escapeXml(String(v));
    out += text + strings[i + 1];
  }
  return new Xml(out);
}
