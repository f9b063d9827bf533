//! Per-keystroke search time on the real guide and on synthetic content 10× and 100× its size,
//! and the time to build the index at start-up. Run: cargo bench --bench search
//! (the benchmark command, scripts/bench.sh, runs it and prints the figures).

mod fixtures;

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use fixtures::{scaled_documents, KEYSTROKES};
use recovery_guide::search::{guide_documents, Filters, Index};

fn bench(c: &mut Criterion) {
    c.bench_function("build index, real guide", |b| b.iter(|| Index::new(black_box(guide_documents()))));
    for times in [1, 10, 100] {
        let index = Index::new(scaled_documents(times));
        let filters = Filters::default();
        c.bench_function(&format!("one keystroke, {times}x guide ({} documents)", index.len()), |b| {
            let mut i = 0;
            b.iter(|| {
                i = (i + 1) % KEYSTROKES.len();
                black_box(index.search(KEYSTROKES[i], &filters).len())
            })
        });
        c.bench_function(&format!("typo query \"recovry\", {times}x guide"), |b| b.iter(|| black_box(index.search("recovry", &filters).len())));
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
