package dev.credence.nlp;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.chunker.ChunkerME;
import opennlp.tools.chunker.ChunkerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * Apache OpenNLP's classic English models (sentence detector, tokenizer, POS tagger, chunker; version 1.5), read once
 * from the classpath ({@code /en-sent.bin}, {@code /en-token.bin}, shipped as Maven jars; nothing is
 * downloaded at run time). The models are immutable and shared; the {@code *ME} classes built on them
 * keep per-call state and are not thread-safe, so every caller takes its own from {@link #sentenceDetector()}
 * and {@link #tokenizer()} (one per export, for instance). Used by the CoNLL export; meant for any
 * later feature that needs English sentences or tokens. Unremovable: export writers look it up by type
 * (their factories are static), which ArC's unused-bean removal cannot see.
 */
@ApplicationScoped
@Unremovable
public class EnglishModels {
    static final String SENTENCE_MODEL = "/en-sent.bin";
    static final String TOKEN_MODEL = "/en-token.bin";
    static final String POS_MODEL = "/en-pos-maxent.bin";
    static final String CHUNK_MODEL = "/en-chunker.bin";

    private volatile SentenceModel sentenceModel;
    private volatile TokenizerModel tokenizerModel;
    private volatile POSModel posModel;
    private volatile ChunkerModel chunkerModel;

    /**
     * A new part-of-speech tagger (not thread-safe) that answers Penn Treebank tags, the tag set the 1.5 chunker
     * was trained on (OpenNLP 2.5 would otherwise map them to Universal Dependencies tags).
     */
    public POSTaggerME posTagger() {
        return new POSTaggerME(posModel(), POSTagFormat.PENN);
    }

    /** A new chunker (not thread-safe): B-NP, I-VP, ... over Penn tags. */
    public ChunkerME chunker() {
        return new ChunkerME(chunkerModel());
    }

    public POSModel posModel() {
        POSModel model = posModel;
        if (model == null) {
            synchronized (this) {
                if (posModel == null) {
                    try (InputStream in = open(POS_MODEL)) {
                        posModel = new POSModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading " + POS_MODEL, e);
                    }
                }
                model = posModel;
            }
        }
        return model;
    }

    public ChunkerModel chunkerModel() {
        ChunkerModel model = chunkerModel;
        if (model == null) {
            synchronized (this) {
                if (chunkerModel == null) {
                    try (InputStream in = open(CHUNK_MODEL)) {
                        chunkerModel = new ChunkerModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading " + CHUNK_MODEL, e);
                    }
                }
                model = chunkerModel;
            }
        }
        return model;
    }

    /** A new sentence detector (not thread-safe). */
    public SentenceDetectorME sentenceDetector() {
        return new SentenceDetectorME(sentenceModel());
    }

    /** A new tokenizer (not thread-safe). */
    public TokenizerME tokenizer() {
        return new TokenizerME(tokenizerModel());
    }

    /** A new segmenter with its own detector and tokenizer (not thread-safe). */
    public Segmentation segmentation() {
        return new Segmentation(sentenceDetector(), tokenizer());
    }

    public SentenceModel sentenceModel() {
        SentenceModel model = sentenceModel;
        if (model == null) {
            synchronized (this) {
                if (sentenceModel == null) {
                    try (InputStream in = open(SENTENCE_MODEL)) {
                        sentenceModel = new SentenceModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading " + SENTENCE_MODEL, e);
                    }
                }
                model = sentenceModel;
            }
        }
        return model;
    }

    public TokenizerModel tokenizerModel() {
        TokenizerModel model = tokenizerModel;
        if (model == null) {
            synchronized (this) {
                if (tokenizerModel == null) {
                    try (InputStream in = open(TOKEN_MODEL)) {
                        tokenizerModel = new TokenizerModel(in);
                    } catch (IOException e) {
                        throw new UncheckedIOException("reading " + TOKEN_MODEL, e);
                    }
                }
                model = tokenizerModel;
            }
        }
        return model;
    }

    private static InputStream open(String resource) {
        InputStream in = EnglishModels.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is not on the classpath (opennlp-*-models jars)");
        }
        return in;
    }
}
