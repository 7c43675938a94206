// The benchmark suite arrives with the benchmarks issue; until then this says so.
console.log('litflare: no benchmarks yet.');
