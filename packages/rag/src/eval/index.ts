// What other packages' evaluations reuse: the public data sets and the report table.
export {
  EVAL_SET_NAMES,
  evalDataLocation,
  loadEvalSets,
  sampleQueries,
  type EvalDocument,
  type EvalQuery,
  type EvalSet,
  type EvalSetName,
} from './datasets';
export { alignedTable, describeSet } from './report';
export { ingestSet } from './our-system';
