#pragma once
// The fill colour of each change type on the change map (8-bit RGB), as data. Distinct from the
// grey outlines and the white paper so that a reader (or a test sampling pixels) can tell them.
#include <libland/change.hpp>

#include <array>

namespace libland::report {

struct Rgb {
    int r = 0, g = 0, b = 0;
};

[[nodiscard]] constexpr Rgb change_colour(ChangeType type) noexcept {
    switch (type) {
    case ChangeType::added: return {46, 160, 67};
    case ChangeType::removed: return {90, 90, 90};
    case ChangeType::split: return {240, 140, 0};
    case ChangeType::merged: return {140, 70, 200};
    case ChangeType::boundary_adjusted: return {0, 170, 200};
    case ChangeType::redistributed: return {150, 100, 40};
    case ChangeType::reshaped: return {40, 90, 220};
    case ChangeType::use_changed: return {220, 30, 40};
    case ChangeType::attributes_changed: return {235, 210, 0};
    case ChangeType::renumbered: return {240, 120, 200};
    case ChangeType::unchanged: return {255, 255, 255};
    }
    return {0, 0, 0};
}

}  // namespace libland::report
