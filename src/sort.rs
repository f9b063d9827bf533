//! Sorting through one compiled copy of the sort.
//!
//! Each `sort_by_key` or `sort_unstable` on another element type, or with another closure, makes
//! the compiler emit the standard library's whole sort again: 20 copies, about 79 KB of the wasm
//! before wasm-opt (twiggy, 27 November 2026). These helpers sort positions (`usize`) with the
//! comparison behind a `&dyn Fn`, so the sort is compiled once, then move the items into that
//! order; only that short last step is compiled per type. All of them are stable.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, keeping equal items in their order (like `slice::sort_by`).
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let mut order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    move_into_order(items, &mut order);
}

/// Sorts `items` by the key `key` gives each (like `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their own order (like `slice::sort`).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one compiled sort: the positions `0..len` in the order `compare` puts them.
#[inline(never)]
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts the item at `order[k]` at position `k`, for every `k`, with swaps along each cycle of the
/// permutation (`order` ends as `0..len`).
fn move_into_order<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_exactly_as_the_standard_library_does(items in prop::collection::vec((0u8..6, any::<u16>()), 0..80)) {
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut standard = items.clone();
            standard.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, standard);

            let mut ours = items.clone();
            sort(&mut ours);
            let mut standard = items;
            standard.sort();
            prop_assert_eq!(ours, standard);
        }
    }

    #[test]
    fn keeps_equal_items_in_their_order() {
        let mut words = ["pear", "fig", "plum", "kiwi", "date"];
        sort_by_key(&mut words, |word| word.len());
        assert_eq!(words, ["fig", "pear", "plum", "kiwi", "date"]);
    }
}
