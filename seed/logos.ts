/**
 * Demo logos: a plain mark with the authority's initials in its accent colour. They stand in
 * for real logos, which each authority uploads itself from its back office.
 */
export function logoSvg(initials: string, color: string): string {
  const size = initials.length > 2 ? 20 : initials.length === 2 ? 26 : 32;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img">` +
    `<rect width="64" height="64" rx="12" fill="${color}"/>` +
    `<path d="M0 50 Q16 42 32 50 T64 50 V64 H0Z" fill="#ffffff" fill-opacity="0.25"/>` +
    `<text x="32" y="41" text-anchor="middle" font-family="Arial, Helvetica, sans-serif" font-weight="700" font-size="${size}" fill="#ffffff">${initials}</text>` +
    `</svg>`
  );
}
