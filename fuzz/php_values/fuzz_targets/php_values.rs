//! The extension's conversion between PHP values and JSON (src/php/convert.rs and the heap
//! counter it relies on, compiled in here unchanged), run inside a real PHP through the embed
//! SAPI. USE_ZEND_ALLOC=0 puts PHP's own values on malloc, so AddressSanitizer watches every
//! read the conversion makes of them.
//!
//! Even first byte: the rest goes to PHP's `unserialize()`, which builds any value a Matomo
//! answer could hold: nested and sparse arrays, references and cycles, objects with private,
//! protected and integer-named properties, invalid UTF-8, INF and NAN, DataTable-like objects.
//! The conversion never panics, and wherever `json_encode()` can write the value, it gives
//! exactly what `json_encode()` gives.
//!
//! Odd first byte: the rest is JSON. Where both parse it, `to_zval` builds exactly (`===`) what
//! `json_decode($json, true)` builds, and the conversion back agrees with `json_encode()`.
#![no_main]

#[allow(dead_code)]
#[path = "../../../src/php/convert.rs"]
mod convert;
#[allow(dead_code)]
#[path = "../../../src/memory.rs"]
mod memory;

#[global_allocator]
static ALLOCATOR: memory::Counting = memory::Counting;

use convert::ConvertError;
use ext_php_rs::types::Zval;
use ext_php_rs::zend::{ExecutorGlobals, Function, try_catch};
use libfuzzer_sys::fuzz_target;
use serde::Deserialize;
use serde_json::Value;
use std::ffi::{CString, c_char, c_int};
use std::panic::AssertUnwindSafe;
use std::sync::Once;

unsafe extern "C" {
    /// The embed SAPI's start: module startup and one request, kept for the whole run.
    fn php_embed_init(argc: c_int, argv: *mut *mut c_char) -> c_int;
}

/// What the fuzzed values are made of. `FuzzTable` stands for Matomo's DataTable (it
/// implements the interface the conversion renders); the renderer returns its public
/// properties, as plain data.
const PRELUDE_NAMESPACE: &str = "namespace Piwik\\DataTable; interface DataTableInterface {}";
const PRELUDE: &str = r#"
ini_set('display_errors', '0');
error_reporting(0);
final class FuzzTable implements \Piwik\DataTable\DataTableInterface {
    public $rows = [];
    private $hidden = 'private';
    protected $meta = 'protected';
}
class FuzzBox { public $a = 1; private $b = 2; protected $c = 3; }
enum FuzzSuit: string { case Hearts = 'H'; case Spades = 'S'; }
function fuzz_unserialize($s) {
    try {
        return unserialize($s, ['max_depth' => 1024, 'allowed_classes' => ['stdClass', 'FuzzTable',
            'FuzzBox', 'FuzzSuit', 'ArrayObject', 'ArrayIterator', 'SplObjectStorage',
            'SplDoublyLinkedList', 'SplFixedArray', 'DateTime', 'DateTimeZone']]);
    } catch (\Throwable $e) {
        return null;
    }
}
function fuzz_encode($v) { return json_encode($v, JSON_PRESERVE_ZERO_FRACTION); }
function fuzz_decode($s) { return json_decode($s, true); }
function fuzz_same($a, $b) { return $a === $b; }
function fuzz_render($t) { return get_object_vars($t); }
"#;

/// Classes whose `json_encode()` is their public properties, as the conversion reads them.
const PLAIN_CLASSES: [&str; 2] = ["stdClass", "FuzzBox"];
/// Values larger than this (shared arrays can make a small input huge) are not converted.
const NODE_BUDGET: usize = 20_000;
/// Deeper than the conversion's own limit: such values are refused early, cheap to try.
const DEPTH_CAP: usize = 600;

static START: Once = Once::new();

fn start_php() {
    START.call_once(|| {
        // SAFETY: one thread, before PHP starts and reads the environment. No ini scan: the
        // machine's extensions (opcache dlopens with RTLD_DEEPBIND, which ASan refuses) stay out.
        unsafe {
            std::env::set_var("USE_ZEND_ALLOC", "0");
            std::env::set_var("PHP_INI_SCAN_DIR", "");
        }
        // SAFETY: called once; the engine then lives until the process ends.
        let status = unsafe { php_embed_init(0, std::ptr::null_mut()) };
        assert_eq!(status, 0, "the embed SAPI did not start");
        run_statements(PRELUDE_NAMESPACE);
        run_statements(PRELUDE);
    });
}

/// Runs PHP statements (`Embed::eval` takes one expression).
fn run_statements(code: &str) {
    let code = CString::new(code).expect("no NUL in the prelude");
    // SAFETY: a NUL-terminated script, no return value asked for, inside the running request.
    let status = try_catch(|| unsafe {
        ext_php_rs::ffi::zend_eval_string(code.as_ptr(), std::ptr::null_mut(), c"prelude".as_ptr())
    });
    assert!(
        matches!(status, Ok(s) if s == ext_php_rs::ffi::ZEND_RESULT_CODE_SUCCESS),
        "the prelude did not run"
    );
}

/// Calls a prelude function; a thrown exception or a bailout gives `None`.
fn call(name: &str, args: Vec<&dyn ext_php_rs::convert::IntoZvalDyn>) -> Option<Zval> {
    let function = Function::try_from_function(name).expect("a prelude function");
    let out = try_catch(AssertUnwindSafe(|| function.try_call(args)));
    let exception = ExecutorGlobals::take_exception();
    match out {
        Ok(Ok(v)) if exception.is_none() => Some(v),
        _ => None,
    }
}

fn binary(bytes: &[u8]) -> Zval {
    let mut zv = Zval::new();
    zv.set_binary(bytes.to_vec());
    zv
}

/// Counts the nodes of `zv` up to the budget and tells whether every object in it is of a
/// plain class. `false` when the value is too large to convert quickly.
fn census(zv: &Zval, depth: usize, budget: &mut usize, plain: &mut bool) -> bool {
    if *budget == 0 {
        return false;
    }
    *budget -= 1;
    if depth > DEPTH_CAP {
        return true;
    }
    let zv = zv.dereference();
    if let Some(ht) = zv.array() {
        return convert::entries(ht).all(|(_, v)| census(v, depth + 1, budget, plain));
    }
    if let Some(obj) = zv.object() {
        let class = obj.get_class_name().unwrap_or_default();
        *plain &= PLAIN_CLASSES.contains(&class.as_str());
        return match obj.get_properties() {
            Ok(props) => convert::entries(props).all(|(_, v)| census(v, depth + 1, budget, plain)),
            Err(_) => true,
        };
    }
    true
}

fn render(table: &Zval) -> Result<Zval, ConvertError> {
    call("fuzz_render", vec![table]).ok_or_else(|| ConvertError("the table did not render".into()))
}

/// Converts `zv` and, when the value is plain, compares with PHP's own `json_encode()`.
fn check_value(zv: &Zval) {
    let (mut budget, mut plain) = (NODE_BUDGET, true);
    if !census(zv, 0, &mut budget, &mut plain) {
        return;
    }
    let ours = convert::to_value_rendering_tables(zv, &render);
    let again = convert::to_value(zv);
    if !plain {
        return;
    }
    let theirs = call("fuzz_encode", vec![zv]).and_then(|j| j.string());
    if let Some(json) = theirs {
        // json_encode nests up to 512 levels, past serde_json's default guard of 128
        let mut reader = serde_json::Deserializer::from_str(&json);
        reader.disable_recursion_limit();
        let expected = Value::deserialize(&mut reader).expect("json_encode writes JSON");
        assert_eq!(
            ours.as_ref(),
            Ok(&expected),
            "conversion differs from json_encode: {json}"
        );
        assert_eq!(
            again.as_ref(),
            Ok(&expected),
            "conversion differs from json_encode: {json}"
        );
    }
}

/// serde_json reads `-0` as the float -0.0 where PHP reads the integer 0, and once parsed the
/// two spellings cannot be told apart: such documents are left out of the comparison.
fn has_negative_zero(v: &Value) -> bool {
    match v {
        Value::Number(n) => n.as_f64().is_some_and(|f| f == 0.0 && f.is_sign_negative()),
        Value::Array(a) => a.iter().any(has_negative_zero),
        Value::Object(o) => o.values().any(has_negative_zero),
        _ => false,
    }
}

fn check_json(text: &[u8]) {
    let Ok(v) = serde_json::from_slice::<Value>(text) else {
        return;
    };
    if has_negative_zero(&v) {
        return;
    }
    let ours = convert::to_zval(&v).expect("any JSON becomes a PHP value");
    let Some(theirs) = call("fuzz_decode", vec![&binary(text)]) else {
        return;
    };
    if theirs.is_null() && !v.is_null() {
        // PHP refused what serde_json read (numbers beyond a double, for one)
        return;
    }
    let same = call("fuzz_same", vec![&ours, &theirs]).and_then(|b| b.bool());
    assert_eq!(same, Some(true), "to_zval differs from json_decode");
    check_value(&ours);
}

fuzz_target!(|data: &[u8]| {
    start_php();
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 1 {
        check_json(rest);
    } else if let Some(value) = call("fuzz_unserialize", vec![&binary(rest)]) {
        check_value(&value);
    }
});
