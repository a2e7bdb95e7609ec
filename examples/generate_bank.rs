//! Writes a generated bank of realistic size (about 2.5 KB a question) for whole-process
//! timings: `cargo run --release --example generate_bank -- DIR COUNT`, then
//! `hyperfine 'target/release/proctor --bank DIR bank stats'`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, count] = args.as_slice() else {
        eprintln!("usage: generate_bank DIR COUNT");
        std::process::exit(2);
    };
    let count: usize = count.parse().expect("COUNT is a whole number");
    let blueprint = proctor::blueprint::Blueprint::dop_c02();
    proctor::bank::synthetic::write_bank(std::path::Path::new(dir), &blueprint, count)
        .expect("the folder can be written");
}
