import { describe, expect, it } from 'vitest';
import type { KernelRunner, KernelRunRequest, KernelRunResult } from '../../ports/kernel-runner.js';
import { systemClock, systemRandom } from '../../ports/services.js';
import { replyToPlainText } from '../../render/plain-text.js';
import { createRouter } from '../../router/router.js';
import { kernelCommand } from './kernel-command.js';
import { sampleResult } from './sample-result.js';

/** A runner that records requests and answers with a fixed result. */
function createFakeRunner(): KernelRunner & { requests: KernelRunRequest[] } {
  const requests: KernelRunRequest[] = [];
  return {
    requests,
    async run(request): Promise<KernelRunResult> {
      requests.push(request);
      return sampleResult;
    },
    async close() {},
  };
}

function dispatch(text: string, kernels?: KernelRunner) {
  const router = createRouter({
    commands: [kernelCommand],
    services: { clock: systemClock, random: systemRandom, ...(kernels ? { kernels } : {}) },
  });
  return router.dispatch({
    platform: 'cli',
    command: 'kernel',
    text,
    user: { id: 'u', name: 'u', isAdmin: false },
    channel: { id: 'c' },
    team: { id: 't' },
  });
}

describe('/kernel', () => {
  it('has one subcommand per registered kernel, attention among them', () => {
    expect(kernelCommand.subcommands.map((sub) => sub.name)).toContain('attention');
    for (const sub of kernelCommand.subcommands) {
      expect(sub.description.length).toBeLessThanOrEqual(100); // Discord's limit
      expect(Object.keys(sub.options).length).toBeLessThanOrEqual(25); // Discord's limit
    }
  });

  it('passes the typed text to the runner and replies with its result', async () => {
    const runner = createFakeRunner();
    const { status, reply } = await dispatch(
      'attention seq=512 heads=8 kv_heads=2 head_dim=64 causal=true',
      runner,
    );
    expect(status).toBe('ok');
    expect(runner.requests).toEqual([
      {
        kernel: 'attention',
        args: {
          seq: '512',
          heads: '8',
          kv_heads: '2',
          head_dim: '64',
          causal: 'true',
          past: '0',
          batch: '1',
          dtype: 'float32',
        },
        seed: 1,
      },
    ]);
    expect(reply.data).toMatchObject({ kernel: 'attention', flops: sampleResult.flops });
  });

  it('accepts seq positionally and a seed', async () => {
    const runner = createFakeRunner();
    await dispatch('attention 256 seed=9', runner);
    expect(runner.requests[0]).toMatchObject({ args: { seq: '256' }, seed: 9 });
  });

  it.each([
    ['attention heads=8 kv_heads=3', /kv_heads \(3\) must divide heads \(8\)/],
    ['attention seq=99999', /seq must be between 1 and 8192/],
    ['attention bogus=1', /has no option "bogus"/],
    ['atention seq=1', /Did you mean: attention/],
  ])('rejects %j before running anything', async (text, message) => {
    const runner = createFakeRunner();
    const { status, reply } = await dispatch(text, runner);
    expect(status).toBe('user-error');
    expect(reply.fallbackText).toMatch(message);
    expect(runner.requests).toEqual([]);
  });

  it('says clearly when no kernel runner is configured', async () => {
    const { status, reply } = await dispatch('attention seq=8');
    expect(status).toBe('user-error');
    expect(reply.fallbackText).toMatch(/without a kernel runner/);
  });

  it('renders the result as text: summary, table, memory and ops', async () => {
    const { reply } = await dispatch('attention seq=4', createFakeRunner());
    const text = replyToPlainText(reply);
    expect(text).toContain('Fastest: gqa 0.150 ms');
    expect(text).toContain('2 of 2 ONNX implementations agree with the float64 plain-TS reference');
    expect(text).toContain('MultiHeadAttention needs kv_heads = heads');
    expect(text).toContain('composed: Reshape · Transpose · MatMul · Concat · Mul · Add · Softmax · Split');
  });
});
