export { codeFrame } from './code-frame.js';
export { elementLine } from './element-source.js';
export { appFrames, firstAppFrame, mapStack, originalPosition, type ServedModule, type SourcePosition } from './map-stack.js';
export { devErrors } from './plugin.js';
