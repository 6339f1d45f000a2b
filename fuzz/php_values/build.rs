//! ext-php-rs links the embed SAPI as `-lphp`, while Debian names it libphp8.2.so (its soname
//! is libphp.so). A link named libphp.so in OUT_DIR, found at build and at run time, bridges it.

use std::path::{Path, PathBuf};
use std::process::Command;

fn php_config(arg: &str) -> Option<String> {
    let out = Command::new("php-config").arg(arg).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn libphp() -> Option<PathBuf> {
    let version = php_config("--version")?;
    let short: String = version.split('.').take(2).collect::<Vec<_>>().join(".");
    let prefix = php_config("--prefix").unwrap_or_else(|| "/usr".into());
    [format!("libphp{short}.so"), "libphp.so".to_string()]
        .iter()
        .flat_map(|name| {
            [
                Path::new(&prefix).join("lib").join(name),
                Path::new("/usr/lib").join(name),
            ]
        })
        .find(|p| p.exists())
}

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let Some(lib) = libphp() else {
        panic!("the PHP embed library is missing: install libphp8.2-embed (scripts/install-deps.sh does)");
    };
    let link = out.join("libphp.so");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&lib, &link).expect("a link to libphp in OUT_DIR");
    println!("cargo:rustc-link-search=native={}", out.display());
    println!("cargo:rustc-link-arg=-Wl,-rpath,{}", out.display());
}
