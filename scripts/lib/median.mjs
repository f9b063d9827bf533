// The middle value of a list of timings (the benchmarks report medians: single loads vary a lot).
export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
