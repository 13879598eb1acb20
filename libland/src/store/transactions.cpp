// Officers' transactions: split, merge, change of use, retirement, boundary adjustment. Each is
// validated, then written as one commit with one event.
#include "store/numbering.hpp"
#include "store/parcel_geometry.hpp"
#include "store/transaction_plan.hpp"

#include <libland/error.hpp>

#include <algorithm>

namespace libland {

namespace {

using store::PlannedEvent;
using store::Target;
using store::TransactionPlan;

void append(MultiPolygon& to, const MultiPolygon& from) { to.insert(to.end(), from.begin(), from.end()); }

// Splits the target into the pieces, each a new parcel with the next number of its sheet.
CommitSummary split_into(TransactionPlan& tx, const Target& target, const std::vector<MultiPolygon>& pieces) {
    auto& ctx = tx.geos();
    if (pieces.size() < 2) {
        throw usage_error("a split of parcel " + target.parcel.key + " needs at least two pieces");
    }
    for (const MultiPolygon& piece : pieces) {
        if (const std::string why = store::invalidity(ctx, piece); !why.empty()) {
            throw geometry_error("a piece of parcel " + target.parcel.key + " is invalid: " + why);
        }
        if (store::area_outside(ctx, piece, target.parcel.geometry) > store::area_tolerance(area(piece))) {
            throw usage_error("a piece reaches outside parcel " + target.parcel.key);
        }
    }
    tx.check_area_kept({target}, pieces, "the split of parcel " + target.parcel.key);
    tx.check_area_kept({target}, {store::unite(ctx, pieces)}, "the pieces of parcel " + target.parcel.key +
                                                                   " (overlapping or leaving gaps)");
    PlannedEvent event;
    event.type = to_string(ChangeType::split);
    event.closes.push_back(target.version);
    for (const MultiPolygon& piece : pieces) {
        event.links.push_back(store::Link{0, event.opens.size(), area(piece)});
        event.opens.push_back(store::NewVersion{tx.new_parcel(target.parcel, piece), 0, {}});
        append(event.where, piece);
    }
    tx.add(std::move(event));
    return tx.commit();
}

}  // namespace

CommitSummary Store::split(const std::string& parcel, const std::string& line_wkt, const CommitInfo& info) {
    TransactionPlan tx(*impl_->backend, info);
    const Target target = tx.target(parcel);
    store::check_line_meets(tx.geos(), line_wkt, bounds(target.parcel.geometry), crs(), "parcel " + target.parcel.key);
    const std::vector<MultiPolygon> pieces = store::cut(tx.geos(), target.parcel.geometry, line_wkt);
    if (pieces.size() < 2) {
        throw usage_error("the line does not cut parcel " + target.parcel.key + " into pieces");
    }
    return split_into(tx, target, pieces);
}

CommitSummary Store::split(const std::string& parcel, const std::vector<MultiPolygon>& pieces, const CommitInfo& info) {
    TransactionPlan tx(*impl_->backend, info);
    return split_into(tx, tx.target(parcel), pieces);
}

CommitSummary Store::merge(const std::vector<std::string>& parcels, const CommitInfo& info) {
    TransactionPlan tx(*impl_->backend, info);
    auto& ctx = tx.geos();
    std::vector<Target> targets;
    std::set<std::int64_t> uids;
    for (const std::string& p : parcels) {
        targets.push_back(tx.target(p));
        if (!uids.insert(targets.back().uid).second) throw usage_error("parcel " + p + " is named twice");
    }
    if (targets.size() < 2) throw usage_error("a merge needs at least two parcels");
    tx.check_parents_agree(targets);
    // Every parcel must touch the ones before it along a boundary, so that the result is one piece.
    for (std::size_t i = 1; i < targets.size(); ++i) {
        bool touches = false;
        for (std::size_t j = 0; j < i && !touches; ++j) {
            touches = store::are_neighbours(ctx, targets[i].parcel.geometry, targets[j].parcel.geometry,
                                            store::boundary_tolerance, 4 * store::boundary_tolerance);
        }
        if (!touches) throw usage_error("parcel " + targets[i].parcel.key + " does not adjoin the others");
    }
    std::vector<MultiPolygon> parts;
    for (const Target& t : targets) parts.push_back(t.parcel.geometry);
    const MultiPolygon merged = store::unite(ctx, parts);
    tx.check_area_kept(targets, {merged}, "the merge");
    PlannedEvent event;
    event.type = to_string(ChangeType::merged);
    for (const Target& t : targets) {
        event.links.push_back(store::Link{event.closes.size(), 0, area(t.parcel.geometry)});
        event.closes.push_back(t.version);
    }
    event.opens.push_back(store::NewVersion{tx.new_parcel(targets.front().parcel, merged), 0, {}});
    event.where = merged;
    tx.add(std::move(event));
    return tx.commit();
}

CommitSummary Store::set_use(const std::string& parcel, const std::string& use, const CommitInfo& info) {
    if (use.empty()) throw usage_error("a land-use code is needed");
    TransactionPlan tx(*impl_->backend, info);
    const Target target = tx.target(parcel);
    if (target.parcel.use == use) {
        throw usage_error("parcel " + target.parcel.key + " already has the use " + use);
    }
    store::check_use_code(*impl_->backend, use);
    Parcel changed = target.parcel;
    store::set_use_code(changed, tx.schema(), use);
    tx.add(store::new_version_event(ChangeType::use_changed, target, std::move(changed)));
    return tx.commit();
}

CommitSummary Store::retire(const std::string& parcel, const CommitInfo& info) {
    TransactionPlan tx(*impl_->backend, info);
    const Target target = tx.target(parcel);
    PlannedEvent event;
    event.type = "retired";
    event.closes.push_back(target.version);
    event.where = target.parcel.geometry;
    tx.add(std::move(event));
    return tx.commit();
}

CommitSummary Store::adjust(const std::string& first, const std::string& second, const std::string& line_wkt,
                            const CommitInfo& info) {
    TransactionPlan tx(*impl_->backend, info);
    auto& ctx = tx.geos();
    const std::vector<Target> targets{tx.target(first), tx.target(second)};
    const Target& a = targets[0];
    const Target& b = targets[1];
    if (a.uid == b.uid) throw usage_error("a boundary adjustment needs two different parcels");
    const Box ba = bounds(a.parcel.geometry), bb = bounds(b.parcel.geometry);
    store::check_line_meets(ctx, line_wkt,
                            Box{std::min(ba.min_x, bb.min_x), std::min(ba.min_y, bb.min_y), std::max(ba.max_x, bb.max_x),
                                std::max(ba.max_y, bb.max_y)},
                            crs(), "parcels " + a.parcel.key + " and " + b.parcel.key);
    if (!store::are_neighbours(ctx, a.parcel.geometry, b.parcel.geometry, store::boundary_tolerance,
                               4 * store::boundary_tolerance)) {
        throw usage_error("parcels " + a.parcel.key + " and " + b.parcel.key + " are not neighbours");
    }
    auto [new_a, new_b] = store::move_boundary(ctx, a.parcel.geometry, b.parcel.geometry, line_wkt);
    if (new_a.empty() || new_b.empty()) {
        throw usage_error("the line does not run across parcels " + a.parcel.key + " and " + b.parcel.key);
    }
    const std::vector<MultiPolygon> results{std::move(new_a), std::move(new_b)};
    tx.check_area_kept(targets, results, "the boundary adjustment");
    if (std::abs(area(results[0]) - area(a.parcel.geometry)) <= store::area_tolerance(area(results[0]))) {
        throw usage_error("the line leaves the boundary between " + a.parcel.key + " and " + b.parcel.key +
                          " where it is");
    }
    tx.check_no_overlap(results, {a.uid, b.uid});
    PlannedEvent event;
    event.type = to_string(ChangeType::boundary_adjusted);
    for (std::size_t i = 0; i < 2; ++i) {
        event.closes.push_back(targets[i].version);
        event.opens.push_back(store::NewVersion{tx.reshaped(targets[i].parcel, results[i]), targets[i].uid, {}});
        append(event.where, results[i]);
        for (std::size_t j = 0; j < 2; ++j) {
            const double shared = store::overlap_area(ctx, targets[i].parcel.geometry, results[j]);
            if (shared > 0) event.links.push_back(store::Link{i, j, shared});
        }
    }
    tx.add(std::move(event));
    return tx.commit();
}

}  // namespace libland
