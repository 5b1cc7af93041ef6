/**
 * Action ids and values of question buttons. Values carry what a handler needs without state:
 * the question id plus the pressed option's index in the question (not in the shuffled display), or the
 * display order for answers typed as letters. Discord caps `custom_id` at 100 characters: the longest
 * value is a 64-character id, `#` and six digits.
 */
export const QUESTION_ACTIONS = {
  /** A button of a `single` or `truefalse` question; value {@link choiceValue}. */
  answer: 'question:answer',
  /** A typed answer (`numeric`, `multi`, `ordering`); value {@link typedValue}. */
  submit: 'question:submit',
} as const;

/** Button value `<id>#<index in the question's choices>`, or `<id>#true` / `<id>#false`. */
export function choiceValue(questionId: string, choice: number | boolean): string {
  return `${questionId}#${choice}`;
}

/**
 * Prompt value `<id>#<display order>`: the question indexes of the options as shown, one digit each
 * (at most 6 options), e.g. `moe-x#2031`; just `<id>` for numeric questions.
 */
export function typedValue(questionId: string, displayOrder: readonly number[]): string {
  return displayOrder.length === 0 ? questionId : `${questionId}#${displayOrder.join('')}`;
}

/** Reads a value made by {@link choiceValue} or {@link typedValue}: the id and the part after `#`. */
export function parseQuestionValue(value: string): { questionId: string; detail: string | undefined } {
  const hash = value.lastIndexOf('#');
  return hash < 0
    ? { questionId: value, detail: undefined }
    : { questionId: value.slice(0, hash), detail: value.slice(hash + 1) };
}

/** Letters that label displayed options: A, B, C, … */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}
