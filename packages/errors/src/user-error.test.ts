import { describe, expect, it } from 'vitest';
import { isUserError, UserError } from './index.js';

describe('UserError', () => {
  it('renders the message, suggestions and example for a channel', () => {
    const error = new UserError('calc/unknown-model', 'Unknown model "lama-70b".', {
      suggestions: ['llama-3.1-70b', 'llama-2-70b'],
      example: '/kvcache llama-70b 128k',
    });
    expect(error.toUserText()).toBe(
      'Unknown model "lama-70b".\nDid you mean: llama-3.1-70b, llama-2-70b?\nExample: /kvcache llama-70b 128k',
    );
    expect(error.code).toBe('calc/unknown-model');
  });

  it('tells user errors from bugs', () => {
    expect(isUserError(new UserError('x/y', 'm'))).toBe(true);
    expect(isUserError(new TypeError('boom'))).toBe(false);
    expect(isUserError('string')).toBe(false);
  });
});
