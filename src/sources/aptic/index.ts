export { ApticClient, APTIC_SOURCE, describeApticProblem, type ApticAuth, type ApticClientOptions, type ApticConnection, type ApticInvokeResult, type ApticListingPage } from "./client";
export { ApticSimulator, APTIC_TOKEN_PATH, apticDataset, type ApticSimClient, type ApticSimulatorOptions, type ApticSimInvocation } from "./simulator";
export type { ApticBundle, ApticClientRecord } from "./bundle";
export { isApticRecord } from "./bundle";
export type * from "./wire";
