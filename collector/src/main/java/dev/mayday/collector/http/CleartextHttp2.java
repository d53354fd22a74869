package dev.mayday.collector.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;

/**
 * HTTP/2 in the clear (h2c) with prior knowledge only ({@code curl --http2-prior-knowledge}, a
 * proxy speaking h2c to its backend). {@code Upgrade: h2c} is declined and the request stays
 * HTTP/1.1: clients that upgrade (the JDK's HttpClient) then send their bodies over HTTP/2, and a
 * refusal that does not read the body (401, 413) left such a stream waiting on flow control
 * until the idle timeout, where HTTP/1.1 answers at once and closes.
 */
final class CleartextHttp2 extends HTTP2CServerConnectionFactory {

    CleartextHttp2(HttpConfiguration config) {
        super(config);
    }

    @Override
    public Connection upgradeConnection(Connector connector, EndPoint endPoint, MetaData.Request request,
                                        HttpFields.Mutable response101) {
        // the preface of prior knowledge arrives as a "PRI * HTTP/2.0" request
        return "PRI".equals(request.getMethod()) ? super.upgradeConnection(connector, endPoint, request, response101) : null;
    }
}
