import { chartToSvg, svgToPngAsync } from '@mlsys/charts';
import type { Reply } from '@mlsys/core';
import type { SlackImageSource } from '../render/block-kit-types.js';
import type { WebClient } from './web-client.js';

/** Whether a reply has a chart to upload. */
export function hasChart(reply: Reply): boolean {
  return reply.blocks.some((block) => block.type === 'chart');
}

/**
 * Uploads each chart of a reply as a PNG with `files.uploadV2` (not shared to a channel) and returns
 * the `slack_file` image sources in chart order. A chart that fails to draw or upload gets `undefined`
 * and the renderer describes it in words instead.
 */
export async function uploadCharts(
  client: WebClient,
  reply: Reply,
  onError: (error: unknown) => void,
): Promise<(SlackImageSource | undefined)[]> {
  const charts = reply.blocks.flatMap((block) => (block.type === 'chart' ? [block] : []));
  return Promise.all(
    charts.map(async (block, index) => {
      try {
        const { png } = await svgToPngAsync(chartToSvg(block.chart));
        const result = (await client.files.uploadV2({
          file: png,
          filename: `chart-${index}.png`,
          title: block.alt,
          alt_text: block.alt,
        })) as { files?: { files?: { id?: string }[] }[] };
        const id = result.files?.[0]?.files?.[0]?.id;
        return id ? { slack_file: { id } } : undefined;
      } catch (error) {
        onError(error);
        return undefined;
      }
    }),
  );
}
