namespace FilmGraph.Bolt.Peer;

/// <summary>The client left the script; the connection is dropped and the peer reports the message.</summary>
internal sealed class ScriptException(string message) : Exception(message);

/// <summary>The script's &lt;EXIT&gt;: drop the connection wherever the conversation is.</summary>
internal sealed class HangUp : Exception;
