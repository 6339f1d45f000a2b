pub mod base64url;
pub mod random;
