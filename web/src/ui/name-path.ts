/** `body.members.0.name` → ['members', 0, 'name'] (the antd Form name path of a server error detail). */
export function toNamePath(path: string): (string | number)[] {
  const parts = path.split('.').filter(Boolean);
  if (parts[0] === 'body' || parts[0] === 'querystring' || parts[0] === 'params') parts.shift();
  return parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}
