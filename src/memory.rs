//! Rust's heap inside PHP, counted. PHP's `memory_limit` only sees the Zend allocator, so the
//! extension counts its own allocations and holds Matomo's answers to what the limit still
//! leaves: a request uses at most `memory_limit` in all, as an administrator expects.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

pub struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; only a counter is kept.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        }
        p
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_add(new_size, Ordering::Relaxed);
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        p
    }
}

/// Bytes the extension holds on its heap right now.
pub fn live_bytes() -> usize {
    LIVE.load(Ordering::Relaxed)
}

unsafe extern "C" {
    /// The Zend allocator's current usage (`memory_get_usage()`), exported by every PHP.
    fn zend_memory_usage(real_usage: bool) -> usize;
}

/// What Rust may still allocate for the current request: `memory_limit` minus what PHP uses
/// now. `None` when PHP has no limit (`memory_limit = -1`).
pub fn headroom() -> Option<usize> {
    let limit = ext_php_rs::zend::ProcessGlobals::get().memory_limit;
    let limit = usize::try_from(limit).ok().filter(|l| *l > 0)?;
    // SAFETY: a plain read of the engine's counters, on the request's own thread.
    let used = unsafe { zend_memory_usage(false) };
    Some(limit.saturating_sub(used))
}
