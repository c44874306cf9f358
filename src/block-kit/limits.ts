/**
 * Slack's documented Block Kit limits (docs.slack.dev, "Block Kit" reference pages), checked before a
 * message leaves the bot and by every test that sees one. Returns what is wrong; empty means valid.
 */
export const LIMITS = {
  blocks: 50,
  blockId: 255,
  sectionText: 3000,
  sectionFields: 10,
  sectionField: 2000,
  contextElements: 10,
  headerText: 150,
  actionsElements: 25,
  buttonText: 75,
  actionId: 255,
  buttonValue: 2000,
  url: 3000,
  imageUrl: 3000,
  altText: 2000,
  textObject: 3000,
  fallbackText: 4000,
  viewBlocks: 100,
  viewTitle: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  optionText: 75,
  optionValue: 150,
  overflowOptions: 5,
  checkboxOptions: 10,
} as const;

type Json = Record<string, unknown>;

export function checkMessage(message: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(message)) return ['message is not an object'];
  const text = message['text'];
  if (typeof text !== 'string' || text.trim() === '') problems.push('message has no plain text fallback');
  else if (text.length > LIMITS.fallbackText) problems.push(`text is ${text.length} chars (max ${LIMITS.fallbackText})`);
  // The top-level text is mrkdwn too (notifications, screen readers): `<…>` there is a control sequence.
  else problems.push(...checkEscaped(text, 'text'));
  if ('unfurl_links' in message && message['unfurl_links'] !== false) problems.push('unfurl_links must be false');
  if ('unfurl_media' in message && message['unfurl_media'] !== false) problems.push('unfurl_media must be false');
  const blocks = message['blocks'];
  if (blocks === undefined) return problems;
  return [...problems, ...checkBlocks(blocks, LIMITS.blocks)];
}

/**
 * A view for `views.publish` (`home`) or `views.open` (`modal`): up to 100 blocks, same rules per
 * block as a message; a modal needs a plain_text title of at most 24 characters.
 */
export function checkView(view: unknown): string[] {
  if (!isObject(view)) return ['view is not an object'];
  const problems: string[] = [];
  const type = view['type'];
  if (type !== 'home' && type !== 'modal') problems.push(`view has type ${String(type)}`);
  if (type === 'modal') problems.push(...checkText(view['title'], 'view.title', LIMITS.viewTitle, 'plain_text'));
  const blocks = Array.isArray(view['blocks']) ? (view['blocks'] as unknown[]) : [];
  if (type === 'home' && blocks.some((block) => isObject(block) && block['type'] === 'input'))
    problems.push('a home view cannot have inputs');
  if (type === 'modal' && blocks.some((block) => isObject(block) && block['type'] === 'input')) {
    problems.push(...checkText(view['submit'], 'view.submit', LIMITS.buttonText, 'plain_text'));
  }
  const metadata = view['private_metadata'];
  if (metadata !== undefined && (typeof metadata !== 'string' || metadata.length > LIMITS.privateMetadata)) {
    problems.push(`view.private_metadata longer than ${LIMITS.privateMetadata}`);
  }
  return [...problems, ...checkBlocks(view['blocks'], LIMITS.viewBlocks)];
}

function checkBlocks(blocks: unknown, max: number): string[] {
  if (!Array.isArray(blocks)) return ['blocks is not an array'];
  const problems: string[] = [];
  if (blocks.length > max) problems.push(`${blocks.length} blocks (max ${max})`);
  const blockIds = new Set<string>();
  blocks.forEach((block: unknown, i) => {
    const where = `blocks[${i}]`;
    if (!isObject(block)) {
      problems.push(`${where} is not an object`);
      return;
    }
    const blockId = block['block_id'];
    if (blockId !== undefined) {
      if (typeof blockId !== 'string' || blockId.length > LIMITS.blockId) problems.push(`${where}.block_id longer than ${LIMITS.blockId}`);
      else if (blockIds.has(blockId)) problems.push(`${where}.block_id "${blockId}" is not unique`);
      else blockIds.add(blockId);
    }
    problems.push(...checkBlock(block, where));
  });
  return problems;
}

function checkBlock(block: Json, where: string): string[] {
  switch (block['type']) {
    case 'section':
      return checkSection(block, where);
    case 'context':
      return checkContext(block, where);
    case 'header':
      return checkText(block['text'], `${where}.text`, LIMITS.headerText, 'plain_text');
    case 'actions':
      return checkActions(block, where);
    case 'image':
      return checkImage(block, where);
    case 'divider':
      return [];
    case 'input':
      return checkInput(block, where);
    default:
      return [`${where} has unknown type ${String(block['type'])}`];
  }
}

function checkSection(block: Json, where: string): string[] {
  const problems: string[] = [];
  const fields = block['fields'];
  if (block['text'] === undefined && fields === undefined) problems.push(`${where} needs text or fields`);
  if (block['text'] !== undefined) problems.push(...checkText(block['text'], `${where}.text`, LIMITS.sectionText));
  if (fields !== undefined) {
    if (!Array.isArray(fields) || fields.length === 0 || fields.length > LIMITS.sectionFields) {
      problems.push(`${where}.fields must hold 1-${LIMITS.sectionFields} items`);
    } else {
      fields.forEach((field, i) => problems.push(...checkText(field, `${where}.fields[${i}]`, LIMITS.sectionField)));
    }
  }
  const accessory = block['accessory'];
  if (accessory !== undefined) {
    if (!isObject(accessory)) problems.push(`${where}.accessory is not an object`);
    else if (accessory['type'] === 'image') problems.push(...checkImage(accessory, `${where}.accessory`));
    else if (accessory['type'] === 'button') problems.push(...checkButton(accessory, `${where}.accessory`));
    else problems.push(`${where}.accessory has unchecked type ${String(accessory['type'])}`);
  }
  return problems;
}

function checkContext(block: Json, where: string): string[] {
  const elements = block['elements'];
  if (!Array.isArray(elements) || elements.length === 0 || elements.length > LIMITS.contextElements) {
    return [`${where}.elements must hold 1-${LIMITS.contextElements} items`];
  }
  return elements.flatMap((element: unknown, i) => {
    const at = `${where}.elements[${i}]`;
    if (isObject(element) && element['type'] === 'image') return checkImage(element, at);
    return checkText(element, at, LIMITS.textObject);
  });
}

function checkActions(block: Json, where: string): string[] {
  const elements = block['elements'];
  if (!Array.isArray(elements) || elements.length === 0 || elements.length > LIMITS.actionsElements) {
    return [`${where}.elements must hold 1-${LIMITS.actionsElements} items`];
  }
  const problems: string[] = [];
  const actionIds = new Set<string>();
  elements.forEach((element: unknown, i) => {
    const at = `${where}.elements[${i}]`;
    if (isObject(element) && element['type'] === 'overflow') problems.push(...checkOverflow(element, at));
    else if (!isObject(element) || element['type'] !== 'button') {
      problems.push(`${at} is not a button or overflow menu`);
      return;
    } else problems.push(...checkButton(element, at));
    const actionId = element['action_id'];
    if (typeof actionId === 'string') {
      if (actionIds.has(actionId)) problems.push(`${at}.action_id "${actionId}" is not unique in its block`);
      actionIds.add(actionId);
    }
  });
  return problems;
}

function checkOptions(options: unknown, where: string, min: number, max: number): string[] {
  if (!Array.isArray(options) || options.length < min || options.length > max) return [`${where} must hold ${min}-${max} options`];
  return options.flatMap((option: unknown, i) => {
    const at = `${where}[${i}]`;
    if (!isObject(option)) return [`${at} is not an object`];
    const value = option['value'];
    const problems = checkText(option['text'], `${at}.text`, LIMITS.optionText, 'plain_text');
    if (typeof value !== 'string' || value === '' || value.length > LIMITS.optionValue)
      problems.push(`${at}.value must be 1-${LIMITS.optionValue} chars`);
    return problems;
  });
}

function checkOverflow(menu: Json, where: string): string[] {
  const problems = checkOptions(menu['options'], `${where}.options`, 2, LIMITS.overflowOptions);
  const actionId = menu['action_id'];
  if (typeof actionId !== 'string' || actionId.length > LIMITS.actionId)
    problems.push(`${where}.action_id must be 1-${LIMITS.actionId} chars`);
  return problems;
}

/** A modal's input: a label and one of the elements the desk uses, with initial values Slack accepts. */
function checkInput(block: Json, where: string): string[] {
  const problems = checkText(block['label'], `${where}.label`, LIMITS.inputLabel, 'plain_text');
  const element = block['element'];
  if (!isObject(element)) return [...problems, `${where}.element is not an object`];
  const at = `${where}.element`;
  switch (element['type']) {
    case 'plain_text_input': {
      const max = typeof element['max_length'] === 'number' ? element['max_length'] : 3000;
      const initial = element['initial_value'];
      if (initial !== undefined && (typeof initial !== 'string' || initial.length > max))
        problems.push(`${at}.initial_value longer than ${max}`);
      break;
    }
    case 'datepicker': {
      const initial = element['initial_date'];
      if (initial !== undefined && (typeof initial !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(initial))) {
        problems.push(`${at}.initial_date must be YYYY-MM-DD`);
      }
      break;
    }
    case 'checkboxes': {
      problems.push(...checkOptions(element['options'], `${at}.options`, 1, LIMITS.checkboxOptions));
      const options = Array.isArray(element['options']) ? element['options'].map((option) => JSON.stringify(option)) : [];
      const initial = element['initial_options'];
      if (initial !== undefined && (!Array.isArray(initial) || initial.some((option) => !options.includes(JSON.stringify(option))))) {
        problems.push(`${at}.initial_options must be among its options`);
      }
      break;
    }
    default:
      problems.push(`${at} has unchecked type ${String(element['type'])}`);
  }
  return problems;
}

function checkButton(button: Json, where: string): string[] {
  const problems = checkText(button['text'], `${where}.text`, LIMITS.buttonText, 'plain_text');
  const style = button['style'];
  if (style !== undefined && style !== 'primary' && style !== 'danger') problems.push(`${where}.style must be primary or danger`);
  const actionId = button['action_id'];
  if (actionId !== undefined && (typeof actionId !== 'string' || actionId.length > LIMITS.actionId)) {
    problems.push(`${where}.action_id longer than ${LIMITS.actionId}`);
  }
  const value = button['value'];
  if (value !== undefined && (typeof value !== 'string' || value.length > LIMITS.buttonValue)) {
    problems.push(`${where}.value longer than ${LIMITS.buttonValue}`);
  }
  const url = button['url'];
  if (url !== undefined && (typeof url !== 'string' || url.length > LIMITS.url)) problems.push(`${where}.url longer than ${LIMITS.url}`);
  return problems;
}

function checkImage(image: Json, where: string): string[] {
  const problems: string[] = [];
  const url = image['image_url'];
  if (typeof url !== 'string' || !/^https?:\/\//.test(url) || url.length > LIMITS.imageUrl) {
    problems.push(`${where}.image_url must be an http(s) URL of at most ${LIMITS.imageUrl} chars`);
  }
  const alt = image['alt_text'];
  if (typeof alt !== 'string' || alt === '' || alt.length > LIMITS.altText)
    problems.push(`${where}.alt_text must be 1-${LIMITS.altText} chars`);
  if (image['title'] !== undefined) problems.push(...checkText(image['title'], `${where}.title`, LIMITS.altText, 'plain_text'));
  return problems;
}

function checkText(text: unknown, where: string, max: number, only?: 'plain_text'): string[] {
  if (!isObject(text)) return [`${where} is not a text object`];
  const type = text['type'];
  if (type !== 'plain_text' && type !== 'mrkdwn') return [`${where} has type ${String(type)}`];
  if (only !== undefined && type !== only) return [`${where} must be ${only}`];
  // Slack refuses misplaced properties ("invalid additional property"), e.g. emoji on mrkdwn.
  const misplaced = type === 'mrkdwn' ? 'emoji' : 'verbatim';
  if (misplaced in text) return [`${where} is ${type} and cannot have ${misplaced}`];
  const value = text['text'];
  if (typeof value !== 'string' || value.length === 0) return [`${where} is empty`];
  if (value.length > max) return [`${where} is ${value.length} chars (max ${max})`];
  return type === 'mrkdwn' ? checkEscaped(value, where) : [];
}

/** A link, mention, channel, special command or one of the three entities: everything `<` and `&` may start. */
const CONTROL_SEQUENCE =
  /<(?:https?:\/\/[^\s<>|]+(?:\|[^<>]*)?|mailto:[^\s<>|]+(?:\|[^<>]*)?|[@#][A-Z0-9]+(?:\|[^<>]*)?|![a-z^][^<>]*)>|&(?:amp|lt|gt);/g;

/** In mrkdwn every `<` opens a link, mention or command and every `&` starts one of the three entities. */
function checkEscaped(value: string, where: string): string[] {
  const bad = value.replace(CONTROL_SEQUENCE, '').match(/[<>&]/);
  return bad === null ? [] : [`${where} has an unescaped "${bad[0]}"`];
}

/** Escapes the `&`, `<` and `>` that start no control sequence, keeping links and mentions. */
export function escapeStray(value: string): string {
  let out = '';
  let last = 0;
  for (const match of value.matchAll(CONTROL_SEQUENCE)) {
    out += escapeAll(value.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + escapeAll(value.slice(last));
}

function escapeAll(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
