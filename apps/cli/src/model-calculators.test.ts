import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asTerminalText } from './run-cli.js';
import { runCaptured as run } from './testing/run-captured.js';

describe('mlsys kvcache', () => {
  it("a newcomer's `kvcache llama-70b 128k`: 40.0 GiB for Llama-3.1-70B, explained (formulas.md)", async () => {
    const { code, stdout, stderr } = await run('kvcache', 'llama-70b', '128k');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('40.0 GiB (42.9 GB) for 131,072 tokens (128k = 128 × 1,024) × batch 1 in bf16');
    expect(stdout).toContain('2 · L · n_kv · d_head · b = 2 · 80 · 8 · 128 · 2 B = 327,680 B');
    expect(stdout).toContain('"llama-70b" read as Llama-3.1-70B (also: Llama-3-70B, Llama-2-70B).');
  });

  it('`kvcache llama-70b 128k tokens` reads "tokens" as the unit of 128k', async () => {
    const plain = await run('kvcache', 'llama-70b', '128k');
    const worded = await run('kvcache', 'llama-70b', '128k', 'tokens');
    expect(worded.code).toBe(0);
    expect(worded.stdout).toBe(plain.stdout);
  });

  it('--json prints the contract fields (CORPUS-FORMAT.md)', async () => {
    const { code, stdout } = await run(
      'kvcache',
      'llama-3.1-70b',
      '131072',
      '--batch',
      '8',
      '--dtype',
      'fp8',
      '--tp',
      '8',
      '--json',
    );
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(data).toMatchObject({
      tokens: 131072,
      batch: 8,
      kvDtype: 'fp8',
      bytesPerToken: 163_840,
      totalBytes: 8 * 163_840 * 131072,
    });
    expect(data.perGpuBytes).toBe(data.totalBytes / 8);
  });

  it('reads --config path.json as the model', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlsys-kv-'));
    const path = join(dir, 'config.json');
    writeFileSync(
      path,
      JSON.stringify({ model_type: 'deepseek_v3', num_hidden_layers: 61, num_experts_per_tok: 8 }),
    );
    const { code, stdout } = await run('kvcache', '--config', path, '1k', '--json');
    expect(code).toBe(0);
    // DeepSeek-V3: 61 · (512 + 64) · 2 B = 70,272 B per token (formulas.md).
    expect(JSON.parse(stdout)).toMatchObject({ model: null, bytesPerToken: 70_272 });
  });

  it.each([
    [['kvcache', 'llama-70b', '12q']],
    [['kvcache', 'no-such-model', '128k']],
    [['kvcache', 'llama-70b', '128k', '--batch', '0']],
    [['moe', 'no-such-model']],
  ])('bad input %j exits 2 with one line on stderr', async (argv) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.startsWith('mlsys: ')).toBe(true);
    expect(stderr.indexOf('\n')).toBe(stderr.length - 1);
  });
});

describe('errors in the terminal', () => {
  it('write the example as a CLI command, not a slash command', async () => {
    const { stderr } = await run('kvcache', 'llama-70b', '12q');
    expect(stderr).toBe(
      'mlsys: Bad context "12q": "12q" has an unknown unit "q" for a context length; use k (×1,024) or m (×1,048,576). ' +
        '(e.g. 128k (= 131,072 tokens)) — Example: mlsys kvcache llama-70b 128k\n',
    );
  });

  it('with --json, write the error as one JSON line on stderr', async () => {
    const { code, stdout, stderr } = await run('kvcache', 'llama-70b', '12q', '--json');
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.indexOf('\n')).toBe(stderr.length - 1);
    expect(JSON.parse(stderr)).toEqual({
      error: 'core/bad-option',
      message:
        'Bad context "12q": "12q" has an unknown unit "q" for a context length; use k (×1,024) or m (×1,048,576). ' +
        '(e.g. 128k (= 131,072 tokens)) — Example: mlsys kvcache llama-70b 128k',
    });
  });

  it('with --json, an error in the arguments themselves is JSON too', async () => {
    const { code, stderr } = await run('--json');
    expect(code).toBe(2);
    expect(JSON.parse(stderr)).toEqual({
      error: 'cli/no-command',
      message: 'Name a command. — Example: mlsys kvcache llama-70b 128k',
    });
  });

  it.each([
    ['Usage: /kvcache <model> <context> [batch=1]', 'Usage: mlsys kvcache <model> <context> [batch=1]'],
    ['see /mlsys help\n(or /kernel attention)', 'see mlsys help — (or mlsys kernel attention)'],
    ['a path /usr/kvcache and 1/kvcache stay', 'a path /usr/kvcache and 1/kvcache stay'],
  ])('%j → %j', (text, expected) => {
    expect(asTerminalText(text)).toBe(expected);
  });
});

describe('mlsys moe --json', () => {
  it.each([
    // Published: DeepSeek-V3 671B total / 37B active (report §1); Qwen3-30B-A3B 30.5B / 3.3B (model card).
    ['deepseek-v3', 671e9, 37e9, 0.015],
    ['qwen3-30b-a3b', 30.5e9, 3.3e9, 0.02],
  ])('%s: totalParams ≈ %d, activeParams ≈ %d (±%d)', async (id, total, active, tolerance) => {
    const { code, stdout } = await run('moe', id, '--json');
    expect(code).toBe(0);
    const data = JSON.parse(stdout);
    expect(Object.keys(data)).toEqual(
      expect.arrayContaining(['totalParams', 'activeParams', 'activeParamsNoInputEmbedding']),
    );
    expect(Math.abs(data.totalParams / total - 1)).toBeLessThan(tolerance);
    expect(Math.abs(data.activeParams / active - 1)).toBeLessThan(tolerance);
    expect(data.activeParamsNoInputEmbedding).toBeLessThan(data.activeParams);
  });
});

describe('mlsys models', () => {
  it('searches the registry', async () => {
    const { code, stdout } = await run('models', 'gpt-oss', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).models.map((m: { id: string }) => m.id)).toEqual([
      'gpt-oss-20b',
      'gpt-oss-120b',
    ]);
  });
});
