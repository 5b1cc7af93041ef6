/**
 * Look of every chart: sized for a chat image (800 × 450 px shows whole in Slack and Discord
 * previews), one font that Debian ships (DejaVu Sans), and the Okabe–Ito palette, which stays
 * distinguishable under the common colour-vision deficiencies (Okabe & Ito 2008, "Color Universal Design").
 */
export const THEME = {
  width: 800,
  height: 450,
  font: 'DejaVu Sans',
  fontSize: 13,
  titleSize: 17,
  background: '#ffffff',
  text: '#1f2328',
  muted: '#57606a',
  grid: '#e6e8eb',
  axis: '#8c959f',
  ceiling: '#cf222e',
  palette: ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#F0E442', '#000000'],
} as const;

/** The colour of the `index`-th series, cycling through the palette. */
export function seriesColour(index: number): string {
  return THEME.palette[index % THEME.palette.length]!;
}
