#pragma once
// Runs a loop over [0, n) on worker threads, each with its own GEOS context.
#include "detail/geos.hpp"

#include <cstddef>
#include <functional>

namespace libland::change_detection {

// Calls work(ctx, begin, end) for consecutive chunks of [0, n) of at most `chunk` items, on
// `threads` workers (0: one per hardware core), each worker with its own GeosContext. Chunks are
// handed out in order as workers become free. Rethrows the first exception a worker threw (the
// others stop at their next chunk). Returns when every chunk is done. `done`, when given, is
// called on the calling thread only, with the fraction of chunks handed out so far.
void parallel_chunks(std::size_t n, std::size_t chunk, unsigned threads,
                     const std::function<void(detail::GeosContext&, std::size_t, std::size_t)>& work,
                     const std::function<void(double)>& done = {});

// Returns the number of workers parallel_chunks uses for `threads`.
[[nodiscard]] unsigned worker_count(unsigned threads) noexcept;

}  // namespace libland::change_detection
