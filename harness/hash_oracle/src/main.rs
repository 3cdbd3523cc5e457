//! FxHasher64::write of each key read, exactly as hashmap-mem 0.2.1 hashes keys.
//!
//! Binary (default): stdin holds records `u32 length (LE), bytes`; stdout gets
//! one `u64` hash (LE) per record. Text (`--text`): one key a line, in hex
//! (`.` for the empty key); prints `hash <hex> => <16 hex digits>`, the form of
//! core/tests/conformance/fxhash64.txt.
use std::hash::Hasher;
use std::io::{self, BufRead, Read, Write};
use std::process::exit;

fn hash(bytes: &[u8]) -> u64 {
    let mut hasher = fxhash::FxHasher64::default();
    hasher.write(bytes);
    hasher.finish()
}

fn fail(message: &str) -> ! {
    eprintln!("fxhash-oracle: {}", message);
    exit(2);
}

fn binary() {
    let mut input = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut input) {
        fail(&format!("cannot read stdin: {}", e));
    }
    let mut out = Vec::with_capacity(input.len() / 2);
    let mut at = 0usize;
    let mut record = 0usize;
    while at < input.len() {
        if input.len() - at < 4 {
            fail(&format!("record {} at byte {}: {} bytes left, a length takes 4", record, at, input.len() - at));
        }
        let mut length = [0u8; 4];
        length.copy_from_slice(&input[at..at + 4]);
        let length = u32::from_le_bytes(length) as usize;
        at += 4;
        if input.len() - at < length {
            fail(&format!("record {} at byte {}: length {} but {} bytes left", record, at - 4, length, input.len() - at));
        }
        out.extend_from_slice(&hash(&input[at..at + length]).to_le_bytes());
        at += length;
        record += 1;
    }
    if let Err(e) = io::stdout().write_all(&out) {
        fail(&format!("cannot write stdout: {}", e));
    }
}

fn unhex(line: &str, number: usize) -> Vec<u8> {
    if line == "." {
        return Vec::new();
    }
    if line.len() % 2 != 0 {
        fail(&format!("line {}: odd number of hex digits in {:?}", number, line));
    }
    (0..line.len() / 2)
        .map(|i| {
            u8::from_str_radix(&line[2 * i..2 * i + 2], 16)
                .unwrap_or_else(|_| fail(&format!("line {}: {:?} is not hex", number, line)))
        })
        .collect()
}

fn text() {
    let stdin = io::stdin();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    for (i, line) in stdin.lock().lines().enumerate() {
        let line = line.unwrap_or_else(|e| fail(&format!("cannot read stdin: {}", e)));
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let key = unhex(line, i + 1);
        writeln!(out, "hash {} => {:016x}", line, hash(&key)).unwrap_or_else(|e| fail(&format!("cannot write: {}", e)));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(|s| s.as_str()).collect::<Vec<_>>().as_slice() {
        [] => binary(),
        ["--text"] => text(),
        _ => {
            eprintln!("usage: fxhash-oracle [--text]\n  binary: stdin u32-LE-length-prefixed keys, stdout u64-LE hashes\n  --text: one hex key a line ('.' empty), prints 'hash <hex> => <hash>'");
            exit(2);
        }
    }
}
