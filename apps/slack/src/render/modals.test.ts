import { defineCommand, option } from '@mlsys/core';
import { describe, expect, it } from 'vitest';
import { commandFormModal, formToArguments, promptAnswer, promptModal } from './modals.js';
import { parseSlackActionId } from './parse-action-id.js';
import { replyToBlockKit } from './reply-to-block-kit.js';

describe('prompt buttons and their modal', () => {
  const message = replyToBlockKit({
    visibility: 'public',
    fallbackText: 'q',
    blocks: [
      {
        type: 'actions',
        actions: [
          {
            type: 'prompt',
            id: 'quiz:numeric',
            label: 'Type your answer',
            value: 'abcd.1',
            title: 'Your answer',
            fieldLabel: 'A number in KiB',
            placeholder: 'e.g. 42',
          },
        ],
      },
    ],
  });

  it('renders a prompt as a ? button carrying the form texts, and reads it back', () => {
    expect(message.blocks[0]).toEqual({
      type: 'actions',
      elements: [
        {
          type: 'button',
          action_id: '?quiz:numeric#0',
          text: { type: 'plain_text', text: 'Type your answer', emoji: true },
          value: '{"v":"abcd.1","t":"Your answer","l":"A number in KiB","p":"e.g. 42"}',
        },
      ],
    });
    const button = (message.blocks[0] as { elements: { action_id: string; value: string }[] }).elements[0]!;
    expect(parseSlackActionId(button.action_id, button.value)).toEqual({
      actionId: 'quiz:numeric',
      value: 'abcd.1',
      prompt: { title: 'Your answer', label: 'A number in KiB', placeholder: 'e.g. 42' },
    });
    expect(parseSlackActionId('quiz:answer#3', 'abcd.1.2')).toEqual({
      actionId: 'quiz:answer',
      value: 'abcd.1.2',
    });
    expect(parseSlackActionId('?quiz:numeric#0', 'not json')).toBeUndefined();
  });

  it('builds the one-field modal as exact JSON, within 24-character titles', () => {
    expect(
      promptModal({ title: 'A title longer than twenty-four', label: 'A number in KiB' }, '{"a":1}'),
    ).toEqual({
      type: 'modal',
      callback_id: 'mlsys:prompt',
      title: { type: 'plain_text', text: 'A title longer than twe…' },
      submit: { type: 'plain_text', text: 'Submit' },
      close: { type: 'plain_text', text: 'Cancel' },
      private_metadata: '{"a":1}',
      blocks: [
        {
          type: 'input',
          block_id: 'answer',
          label: { type: 'plain_text', text: 'A number in KiB' },
          element: { type: 'plain_text_input', action_id: 'answer' },
        },
      ],
    });
    expect(promptAnswer({ answer: { answer: { type: 'plain_text_input', value: ' 128 ' } } })).toBe('128');
    expect(() => promptModal({ title: 't', label: 'l' }, 'x'.repeat(3001))).toThrow(/3000/);
  });
});

describe('command forms', () => {
  const subscribe = defineCommand({
    name: 'subscribe',
    description: 'Post a daily question here',
    options: {
      time: option({
        description: 'Local time HH:MM',
        required: true,
        example: '09:30',
        parse: (raw) => raw,
      }),
      days: option({
        description: 'Which days',
        choices: ['weekdays', 'every'],
        default: 'weekdays',
        parse: (raw) => raw,
      }),
    },
    examples: ['time=09:30'],
    cost: 1,
    run: () => ({ visibility: 'public', blocks: [], fallbackText: '' }),
  });

  it('has one input per option, a select for choices, required ones not optional', () => {
    const view = commandFormModal(subscribe, 'Daily question', '{}');
    expect(view.blocks.map((b) => [b.block_id, b.element.type, b.optional ?? false])).toEqual([
      ['time', 'plain_text_input', false],
      ['days', 'static_select', true],
    ]);
    expect(view.blocks[1]!.hint).toEqual({ type: 'plain_text', text: 'Default: weekdays' });
  });

  it('turns the submitted values back into key="value" text', () => {
    expect(
      formToArguments({
        time: { time: { type: 'plain_text_input', value: '09:30' } },
        days: { days: { type: 'static_select', selected_option: { value: 'every' } } },
        zone: { zone: { type: 'plain_text_input', value: 'Europe/"London' } },
        empty: { empty: { type: 'plain_text_input', value: null } },
      }),
    ).toBe('time="09:30" days="every" zone="Europe/London"');
  });
});
