//! Near-duplicate stems (rule 9 of QUESTION-BANK.md) without comparing every pair.
//!
//! Two stems are near duplicates when the Jaccard similarity of their word-trigram sets
//! (shared / all distinct) reaches a threshold. Comparing every pair in a domain made
//! `bank lint` quadratic (8,000 questions: 17 s; 20,000: 3 minutes). This is the prefix
//! filter of "all pairs similarity search" (Bayardo et al., WWW 2007), which finds exactly the
//! same pairs: order every set's trigrams rarest first; if two sets have Jaccard ≥ t, they
//! share at least ⌈t·|x|⌉ trigrams, so their first |x| − ⌈t·|x|⌉ + 1 trigrams must meet. Only
//! the pairs that meet there, in an inverted index over those rare prefixes, are compared.

use std::collections::{BTreeMap, HashMap};

/// Two similar texts: indices into the input (`first` < `second`) and their similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Similar {
    pub first: usize,
    pub second: usize,
    /// Shared trigrams / distinct trigrams of the two.
    pub jaccard: f64,
}

/// Every pair of texts in the same group whose word-trigram sets have Jaccard similarity at
/// least `threshold` (0 < threshold ≤ 1), ordered by (`first`, `second`). Each text is given
/// as its group and its words, already normalised (e.g. lower-cased).
pub fn similar_pairs<S: AsRef<str>>(texts: &[(u8, Vec<S>)], threshold: f64) -> Vec<Similar> {
    let sets = trigram_sets(texts);
    let mut by_group: BTreeMap<u8, Vec<usize>> = BTreeMap::new();
    for (i, (group, _)) in texts.iter().enumerate() {
        by_group.entry(*group).or_default().push(i);
    }
    let mut pairs = Vec::new();
    // Which text was last collected as a candidate for `seen[y]`, so each is compared once.
    let mut seen = vec![usize::MAX; texts.len()];
    let mut candidates = Vec::new();
    for members in by_group.values() {
        let mut index: HashMap<u32, Vec<usize>> = HashMap::new();
        for &x in members {
            let set = &sets[x];
            let prefix = &set[..prefix_len(set.len(), threshold)];
            for gram in prefix {
                for &y in index.get(gram).into_iter().flatten() {
                    if seen[y] != x {
                        seen[y] = x;
                        candidates.push(y);
                    }
                }
            }
            candidates.sort_unstable();
            for y in candidates.drain(..) {
                let shared = shared_count(&sets[y], set);
                let union = sets[y].len() + set.len() - shared;
                let jaccard = shared as f64 / union as f64;
                if jaccard >= threshold {
                    pairs.push(Similar {
                        first: y,
                        second: x,
                        jaccard,
                    });
                }
            }
            for &gram in prefix {
                index.entry(gram).or_default().push(x);
            }
        }
    }
    pairs.sort_by_key(|p| (p.first, p.second));
    pairs
}

/// Each text's distinct trigrams as ranks, rarest trigram (fewest texts) first, sorted.
// Ids count a bank's distinct words and trigrams: the file-size limits keep them far below
// u32::MAX, and u32 halves the memory of the sets.
#[expect(clippy::cast_possible_truncation)]
fn trigram_sets<S: AsRef<str>>(texts: &[(u8, Vec<S>)]) -> Vec<Vec<u32>> {
    let mut words: HashMap<&str, u32> = HashMap::new();
    let mut grams: HashMap<[u32; 3], u32> = HashMap::new();
    let mut sets: Vec<Vec<u32>> = texts
        .iter()
        .map(|(_, text)| {
            let ids: Vec<u32> = text
                .iter()
                .map(|w| {
                    let next = words.len() as u32;
                    *words.entry(w.as_ref()).or_insert(next)
                })
                .collect();
            let mut set: Vec<u32> = ids
                .windows(3)
                .map(|t| {
                    let next = grams.len() as u32;
                    *grams.entry([t[0], t[1], t[2]]).or_insert(next)
                })
                .collect();
            set.sort_unstable();
            set.dedup();
            set
        })
        .collect();
    let mut texts_with = vec![0u32; grams.len()];
    for &gram in sets.iter().flatten() {
        texts_with[gram as usize] += 1;
    }
    let mut by_rarity: Vec<u32> = (0..grams.len() as u32).collect();
    by_rarity.sort_unstable_by_key(|&g| (texts_with[g as usize], g));
    let mut rank = vec![0u32; grams.len()];
    for (r, &g) in by_rarity.iter().enumerate() {
        rank[g as usize] = r as u32;
    }
    for set in &mut sets {
        for gram in set.iter_mut() {
            *gram = rank[*gram as usize];
        }
        set.sort_unstable();
    }
    sets
}

/// How many of a set's rarest trigrams any set similar enough must share one of. Rounding
/// errs long: a longer prefix finds the same pairs, only compares a few more.
// The product is at most `len` (threshold ≤ 1) and at least 1 before the cast.
#[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn prefix_len(len: usize, threshold: f64) -> usize {
    let must_share = (threshold * len as f64 - 1e-9).ceil().max(1.0) as usize;
    (len + 1).saturating_sub(must_share).min(len)
}

/// Elements two sorted, distinct lists share.
fn shared_count(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// The definition, every pair compared (what lint did before): the tests' oracle.
#[cfg(test)]
pub(crate) fn every_pair<S: AsRef<str>>(texts: &[(u8, Vec<S>)], threshold: f64) -> Vec<Similar> {
    use std::collections::HashSet;
    let grams: Vec<HashSet<String>> = texts
        .iter()
        .map(|(_, w)| {
            let w: Vec<&str> = w.iter().map(AsRef::as_ref).collect();
            w.windows(3).map(|t| t.join(" ")).collect()
        })
        .collect();
    let mut pairs = Vec::new();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            if texts[i].0 != texts[j].0 {
                continue;
            }
            let shared = grams[i].intersection(&grams[j]).count();
            let union = grams[i].len() + grams[j].len() - shared;
            if union > 0 && shared as f64 / union as f64 >= threshold {
                let jaccard = shared as f64 / union as f64;
                pairs.push(Similar {
                    first: i,
                    second: j,
                    jaccard,
                });
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn the_same_pairs_as_comparing_every_pair() {
        // Variants of two stems at every distance from the original, in two groups, with
        // repeated trigrams, short texts and an empty one.
        let base = words(
            "A company deploys a containerized API to ECS on Fargate behind a load balancer \
             and wants tests to run against the replacement task set before production traffic \
             moves and a failed test to stop the deployment without manual steps",
        );
        let other = words(
            "A company runs workloads in many accounts and sends metrics to a vendor and \
             wants near real time delivery of three namespaces with few resources to manage",
        );
        let mut texts: Vec<(u8, Vec<String>)> = Vec::new();
        for (group, source) in [(1, &base), (1, &other), (2, &base)] {
            for changed in 0..source.len() {
                let mut w = source.clone();
                let len = w.len();
                for k in (0..changed).map(|k| k * 7 % len) {
                    w[k] = format!("x{k}");
                }
                texts.push((group, w));
            }
        }
        texts.push((1, words("the the the the the the")));
        texts.push((1, words("the the the the")));
        texts.push((1, words("one two")));
        texts.push((1, Vec::new()));
        for threshold in [0.3, 0.5, 0.8, 1.0] {
            let expected = every_pair(&texts, threshold);
            assert!(!expected.is_empty(), "the case tests something");
            assert_eq!(similar_pairs(&texts, threshold), expected, "{threshold}");
        }
    }

    #[test]
    fn prefixes_are_long_enough() {
        assert_eq!(prefix_len(80, 0.5), 41);
        assert_eq!(prefix_len(81, 0.5), 41);
        assert_eq!(prefix_len(1, 0.5), 1);
        assert_eq!(prefix_len(10, 1.0), 1);
        assert_eq!(prefix_len(0, 0.5), 0);
    }
}
