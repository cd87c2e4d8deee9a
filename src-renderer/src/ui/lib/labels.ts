/** How the model's words are named on screen (the stored value stays the model's word). */
// The core owns the kind and priority names (exports print them too), the tracker the status names
// (shared with the CLI), the model the format names (packs print them too).
export { KIND_LABELS, PRIORITY_LABELS } from '../../core/kind-labels';
export { STATUS_LABELS } from '../../core/tracker';
export { FORMAT_LABELS } from '../../core/model';
