//! The network side of the dev server: HTTP/1.1 by hyper on a small tokio runtime, with limits
//! that keep it answering when a browser tab, a script or a hostile client misbehaves. A fixed
//! number of threads serve every connection; a client that never finishes its request is cut
//! off after `HEADER_TIMEOUT` (10 s), one idle between requests likewise; request heads are capped
//! at `MAX_HEAD` bytes and connections at `MAX_CONNECTIONS` (more wait in the kernel's
//! queue until one closes).

use std::convert::Infallible;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use hyper::body::{Body, Bytes, Frame, Incoming, SizeHint};
use hyper::header::{HeaderName, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::sync::{Notify, Semaphore, mpsc};

use crate::serve::Shared;
use crate::serve::http::{Answer, answer};

/// Threads that serve requests.
const THREADS: usize = 2;
/// Connections open at once.
const MAX_CONNECTIONS: usize = 4096;
/// Time a client has to send a whole request head, and to start the next on an open
/// connection.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request head read (request line and headers); larger gets 431.
const MAX_HEAD: usize = 16 * 1024;

/// A listening server; dropping it does not stop it, [`Listener::stop`] does.
pub struct Listener {
    stop: Arc<Notify>,
}

impl Listener {
    /// Stops accepting connections.
    pub fn stop(&self) {
        self.stop.notify_one();
    }
}

/// Serves `listener` from `shared` on threads of its own.
pub fn serve(listener: std::net::TcpListener, shared: Arc<Shared>) -> std::io::Result<Listener> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(THREADS)
        .max_blocking_threads(1)
        .thread_name("prongsai-http")
        .enable_all()
        .build()?;
    let stop = Arc::new(Notify::new());
    let stopped = Arc::clone(&stop);
    std::thread::Builder::new()
        .name("prongsai-accept".into())
        .spawn(move || runtime.block_on(accept_loop(listener, shared, stopped)))?;
    Ok(Listener { stop })
}

async fn accept_loop(listener: std::net::TcpListener, shared: Arc<Shared>, stop: Arc<Notify>) {
    let Ok(listener) = tokio::net::TcpListener::from_std(listener) else {
        return;
    };
    let slots = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    loop {
        let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
            return;
        };
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = stop.notified() => return,
        };
        let (stream, _) = match accepted {
            Ok(a) => a,
            Err(_) => {
                // Out of file descriptors or a connection reset while queued: wait, go on.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        tokio::spawn(async move {
            let service = service_fn(move |req: Request<Incoming>| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(respond(&shared, &req)) }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

fn respond(shared: &Arc<Shared>, req: &Request<Incoming>) -> Response<Out> {
    let url = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().to_string(), |p| p.as_str().to_owned());
    let if_none_match = req
        .headers()
        .get(hyper::header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok());
    match answer(shared, req.method().as_str(), &url, if_none_match) {
        Answer::Plain {
            status,
            headers,
            body,
        } => {
            let mut res = Response::new(Out::Full(Some(Bytes::from(body))));
            *res.status_mut() = StatusCode::from_u16(status).unwrap_or(StatusCode::OK);
            for (name, value) in headers {
                if let (Ok(n), Ok(v)) = (
                    HeaderName::from_bytes(name.as_bytes()),
                    HeaderValue::from_str(&value),
                ) {
                    res.headers_mut().append(n, v);
                }
            }
            res
        }
        Answer::Events => match crate::serve::events::stream(shared) {
            Some(rx) => {
                let mut res = Response::new(Out::Events(rx));
                let h = res.headers_mut();
                h.insert(
                    hyper::header::CONTENT_TYPE,
                    HeaderValue::from_static("text/event-stream; charset=utf-8"),
                );
                h.insert(
                    hyper::header::CACHE_CONTROL,
                    HeaderValue::from_static("no-store"),
                );
                h.insert(
                    HeaderName::from_static("x-accel-buffering"),
                    HeaderValue::from_static("no"),
                );
                res
            }
            None => {
                let mut res =
                    Response::new(Out::Full(Some(Bytes::from_static(b"retry: 5000\n\n"))));
                *res.status_mut() = StatusCode::SERVICE_UNAVAILABLE;
                res
            }
        },
    }
}

/// A response body: whole, or the event stream's chunks as they come.
pub enum Out {
    Full(Option<Bytes>),
    Events(mpsc::Receiver<Bytes>),
}

impl Body for Out {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        match self.get_mut() {
            Out::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            Out::Events(rx) => rx.poll_recv(cx).map(|c| c.map(|b| Ok(Frame::data(b)))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Out::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Out::Full(Some(b)) => SizeHint::with_exact(b.len() as u64),
            Out::Full(None) => SizeHint::with_exact(0),
            Out::Events(_) => SizeHint::default(),
        }
    }
}
