//! The network side of the dev server: HTTP/1.1 by hyper on a small tokio runtime, with limits
//! that keep it answering when a browser tab, a script or a hostile client misbehaves. A fixed
//! number of threads serve every connection; a client that never finishes its request is cut
//! off after `HEADER_TIMEOUT` (10 s), one idle between requests likewise; request heads are capped
//! at `MAX_HEAD` bytes and connections at `MAX_CONNECTIONS` (more wait in the kernel's
//! queue until one closes). A client that stops reading what it asked for is cut off once no
//! byte could be written for `WRITE_TIMEOUT` (30 s), and files are sent from disk in chunks, so
//! a few slow readers of a large attachment hold a few chunks each, not the file.

use std::convert::Infallible;
use std::future::Future;
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
use tokio::io::AsyncRead;
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
/// Time a response may wait for the client to take any of it.
const WRITE_TIMEOUT: Duration = Duration::from_secs(30);
/// Bytes of a file read and sent at a time.
const CHUNK: usize = 64 * 1024;

/// [`WRITE_TIMEOUT`], or `PRONGSAI_SERVE_WRITE_TIMEOUT_MS` (for the tests, which cannot wait).
fn write_timeout() -> Duration {
    std::env::var("PRONGSAI_SERVE_WRITE_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(WRITE_TIMEOUT, Duration::from_millis)
}

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
        let (stream, peer) = match accepted {
            Ok(a) => a,
            Err(_) => {
                // Out of file descriptors or a connection reset while queued: wait, go on.
                tokio::time::sleep(Duration::from_millis(20)).await;
                continue;
            }
        };
        let _ = stream.set_nodelay(true);
        let shared = Arc::clone(&shared);
        let local = peer.ip().is_loopback();
        let timeout = write_timeout();
        tokio::spawn(async move {
            let service = service_fn(move |req: Request<Incoming>| {
                let shared = Arc::clone(&shared);
                async move { Ok::<_, Infallible>(respond(&shared, &req, local)) }
            });
            let _ = http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_HEAD)
                .serve_connection(TokioIo::new(Deadline::new(stream, timeout)), service)
                .await;
            drop(slot);
        });
    }
}

/// What a refused `Host` is told, in both languages: the page that sent it is not the reader.
const WRONG_HOST: &str = "403 เครื่องนี้ไม่ได้เปิดให้ดูตัวอย่างเว็บไซต์ด้วยชื่อนี้ ถ้าตั้งใจใช้ชื่อนี้ ให้สั่ง prongsai serve --allow-host ชื่อ\n\
     403 this preview does not answer for that host name; to use the name on purpose, run prongsai serve --allow-host NAME\n";

fn respond(shared: &Arc<Shared>, req: &Request<Incoming>, local: bool) -> Response<Out> {
    let mut res = respond_to(shared, req, local);
    // No file is read as another type than it is served as.
    res.headers_mut().insert(
        HeaderName::from_static("x-content-type-options"),
        HeaderValue::from_static("nosniff"),
    );
    res
}

fn respond_to(shared: &Arc<Shared>, req: &Request<Incoming>, local: bool) -> Response<Out> {
    let host = req
        .headers()
        .get(hyper::header::HOST)
        .map(|v| v.to_str().unwrap_or("\u{0}"));
    if !shared.hosts.allows(host) {
        let mut res = Response::new(Out::Full(Some(Bytes::from_static(WRONG_HOST.as_bytes()))));
        *res.status_mut() = StatusCode::FORBIDDEN;
        res.headers_mut().insert(
            hyper::header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; charset=utf-8"),
        );
        return res;
    }
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
        Answer::File { headers, file, len } => {
            let mut res = Response::new(Out::File(FileBody {
                file: tokio::fs::File::from_std(file),
                buf: vec![0; CHUNK].into_boxed_slice(),
                left: len,
            }));
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
        // Source lines of a failed build are shown to this computer's own browser only.
        Answer::Events => match crate::serve::events::stream(shared, local) {
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

/// A response body: whole, a file read a chunk at a time, or the event stream's chunks as
/// they come.
pub enum Out {
    Full(Option<Bytes>),
    File(FileBody),
    Events(mpsc::Receiver<Bytes>),
}

/// A file being sent: what is left of it, read into one buffer as the client takes it.
pub struct FileBody {
    file: tokio::fs::File,
    buf: Box<[u8]>,
    left: u64,
}

impl Body for Out {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, std::io::Error>>> {
        match self.get_mut() {
            Out::Full(b) => Poll::Ready(b.take().map(|b| Ok(Frame::data(b)))),
            Out::Events(rx) => rx.poll_recv(cx).map(|c| c.map(|b| Ok(Frame::data(b)))),
            Out::File(f) => {
                if f.left == 0 {
                    return Poll::Ready(None);
                }
                let want = usize::try_from(f.left).map_or(f.buf.len(), |l| l.min(f.buf.len()));
                let mut read = tokio::io::ReadBuf::new(&mut f.buf[..want]);
                match Pin::new(&mut f.file).poll_read(cx, &mut read) {
                    Poll::Pending => Poll::Pending,
                    Poll::Ready(Err(e)) => Poll::Ready(Some(Err(e))),
                    Poll::Ready(Ok(())) => {
                        let n = read.filled().len();
                        if n == 0 {
                            // Shorter than when opened: end here rather than send less silently.
                            return Poll::Ready(Some(Err(std::io::Error::other("file shrank"))));
                        }
                        f.left -= n as u64;
                        Poll::Ready(Some(Ok(Frame::data(Bytes::copy_from_slice(read.filled())))))
                    }
                }
            }
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, Out::Full(None)) || matches!(self, Out::File(f) if f.left == 0)
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            Out::Full(Some(b)) => SizeHint::with_exact(b.len() as u64),
            Out::Full(None) => SizeHint::with_exact(0),
            Out::File(f) => SizeHint::with_exact(f.left),
            Out::Events(_) => SizeHint::default(),
        }
    }
}

/// A connection that gives up when the client takes nothing for `timeout`: a write that has
/// waited that long fails, and hyper closes the connection.
struct Deadline<S> {
    inner: S,
    timeout: Duration,
    waiting: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> Deadline<S> {
    fn new(inner: S, timeout: Duration) -> Self {
        Self {
            inner,
            timeout,
            waiting: None,
        }
    }

    /// A write's outcome, or a timeout once the client has been waited on too long: a write
    /// that makes progress resets the clock, one that waits starts it.
    fn guard<T>(
        &mut self,
        cx: &mut Context<'_>,
        r: Poll<std::io::Result<T>>,
    ) -> Poll<std::io::Result<T>> {
        if r.is_ready() {
            self.waiting = None;
            return r;
        }
        let timeout = self.timeout;
        let sleep = self
            .waiting
            .get_or_insert_with(|| Box::pin(tokio::time::sleep(timeout)));
        if sleep.as_mut().poll(cx).is_ready() {
            return Poll::Ready(Err(std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                "the client took nothing for too long",
            )));
        }
        Poll::Pending
    }
}

impl<S: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for Deadline<S> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: tokio::io::AsyncWrite + Unpin> tokio::io::AsyncWrite for Deadline<S> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let r = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.guard(cx, r)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let this = self.get_mut();
        let r = Pin::new(&mut this.inner).poll_flush(cx);
        this.guard(cx, r)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[std::io::IoSlice<'_>],
    ) -> Poll<std::io::Result<usize>> {
        let this = self.get_mut();
        let r = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.guard(cx, r)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}
