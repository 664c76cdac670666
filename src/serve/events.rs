//! The live-reload event stream (Server-Sent Events): each open tab holds one connection and
//! hears about every new build, good or failed.

use std::io::Write;
use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::Duration;

use tiny_http::Request;

use crate::serve::{Shared, Snapshot};

/// At most this many tabs listen at once; more get an immediate answer to retry later.
const MAX_LISTENERS: usize = 64;

fn state(s: &Snapshot) -> String {
    let value = serde_json::json!({
        "generation": s.generation,
        "css_only": s.css_only,
        "silent": s.silent,
        "error": s.error.as_ref().map(|m| serde_json::json!({"message": m})),
    });
    format!("event: state\ndata: {value}\n\n")
}

/// Streams the site's state to one tab, in a thread of its own, until the tab goes away.
pub fn stream(shared: &Arc<Shared>, request: Request) {
    if shared.listeners.fetch_add(1, Ordering::SeqCst) >= MAX_LISTENERS {
        shared.listeners.fetch_sub(1, Ordering::SeqCst);
        let _ = request
            .respond(tiny_http::Response::from_string("retry: 5000\n\n").with_status_code(503));
        return;
    }
    let shared = Arc::clone(shared);
    std::thread::spawn(move || {
        let mut w = request.into_writer();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\nCache-Control: no-store\r\nConnection: keep-alive\r\nX-Accel-Buffering: no\r\n\r\nretry: 1000\n\n";
        let mut last = 0;
        let mut ok = w
            .write_all(head.as_bytes())
            .and_then(|()| w.flush())
            .is_ok();
        while ok {
            let snapshot = shared.snapshot();
            if snapshot.generation != last {
                last = snapshot.generation;
                ok = w
                    .write_all(state(&snapshot).as_bytes())
                    .and_then(|()| w.flush())
                    .is_ok();
            } else {
                // A comment every few seconds finds out whether the tab is still there.
                ok = w.write_all(b": ping\n\n").and_then(|()| w.flush()).is_ok();
            }
            if ok {
                shared.wait_for_change(last, Duration::from_secs(10));
            }
        }
        shared.listeners.fetch_sub(1, Ordering::SeqCst);
    });
}
