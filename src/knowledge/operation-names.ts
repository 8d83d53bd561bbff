/** What an operation's name says: whether it only reads, and the resource it is about. */

/** The verbs of operations that only read. */
export const READ_VERBS = /^(Describe|Get|List|Search|Lookup|BatchGet|Check|Query|Scan)(?=[A-Z0-9])/;

/** True for operations that read configuration (Describe/Get/List…). */
export function isReadOperation(operation: string): boolean {
  return READ_VERBS.test(operation);
}

/** The resource a read operation is about: `DescribeDBInstances` → `DBInstances` (others: ''). */
export function resourceNoun(operation: string): string {
  const verb = READ_VERBS.exec(operation);
  return verb ? operation.slice(verb[0].length) : '';
}
