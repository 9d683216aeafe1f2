/**
 * ModelError: the one error type the model layer throws for anything wrong with a graph or a model file. The message
 * names the node (name and operator) or the file part at fault and says what is wrong, so a user can fix the model
 * without reading code.
 */

export class ModelError extends Error {
  /** Name of the node at fault, when the problem belongs to one node. */
  readonly node: string | undefined;
  /** Operator of that node (as written in the model, which may be an unknown operator). */
  readonly op: string | undefined;

  constructor(message: string, node?: { readonly name: string; readonly op: string }) {
    super(node === undefined ? message : `node "${node.name}" (${node.op}): ${message}`);
    this.name = 'ModelError';
    this.node = node?.name;
    this.op = node?.op;
  }
}

/** Reference to a node for error messages; graph nodes fit, and so do half-parsed ones. */
export interface NodeRef {
  readonly name: string;
  readonly op: string;
}
