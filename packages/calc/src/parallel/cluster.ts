/** The hardware a plan runs on: per-GPU figures and how GPUs are grouped into nodes. */
export interface ClusterSpec {
  /** n, GPUs in the job. */
  gpus: number;
  /** GPUs per node; tensor parallelism stays inside a node. */
  gpusPerNode: number;
  /** Display name of the GPU. */
  gpuName: string;
  /** Memory per GPU in bytes. */
  memoryBytes: number;
  /** Peak dense 16-bit FLOP/s per GPU (data sheet). */
  peakFlops: number;
  /** Bytes/s one GPU sends inside a node (one direction: half of NVIDIA's bidirectional NVLink figure). */
  intraNodeBandwidth: number;
  /** Bytes/s one GPU sends to other nodes (one direction). */
  interNodeBandwidth: number;
}

/**
 * Inter-node bandwidth assumed when none is given: 400 Gb/s = 50 GB/s per GPU, one 400G NIC per GPU
 * as in DGX H100 (eight ConnectX-7 400 Gb/s ports per 8-GPU node, NVIDIA DGX H100 user guide).
 */
export const DEFAULT_NETWORK_GBITS = 400;
