package dev.deepbuild.runtime.network;

import dev.deepbuild.build.result.Execution;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.data.Batches;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.parallelism.ParallelWrapper;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;

/**
 * One epoch of training: by the network itself, minibatch after minibatch, or with {@code
 * -Ddl.workers=N} by N replicas of it at once (DL4J's {@code ParallelWrapper} in its averaging
 * mode), an {@link EpochFit} that the training path's {@code TrainingBackends.start} picks: the epoch's minibatches are dealt to the replicas in turn and their parameters and
 * updater states averaged into the network after every minibatch each. The replicas train on
 * threads of their own, and two runs of one seed differed by 2% in the parameters of a small
 * network after two epochs: unlike one model, replicas are not reproducible, which the provenance
 * says ({@link Execution#reproducibility}). An epoch also
 * makes 1/N as many updates, each of N minibatches' worth, which changes the result (the
 * fingerprint holds the count).
 *
 * <p>The epoch's minibatches are copied as they come, since {@link Batches} reuses its buffers,
 * and handed to the wrapper through a short queue, so the split is never held twice.
 */
public final class ReplicaTraining {
  /** A marker after the epoch's last minibatch. */
  private static final INDArray[][] END = new INDArray[0][];

  private ReplicaTraining() {}

  /** Each epoch on {@code workers} replicas of {@code net}; empty for one model. */
  public static Optional<EpochFit> of(TrainableNetwork net, int workers) {
    if (workers == 1) {
      return Optional.empty();
    }
    return Optional.of((batches, progress) -> {
      Feed feed = new Feed(batches, progress, workers);
      net.accept(new Dl4jNetworks<Void>() {
        @Override
        public Void sequential(MultiLayerNetwork network) {
          fit(network, workers, wrapper -> wrapper.fit(feed.dataSets()));
          return null;
        }

        @Override
        public Void graph(ComputationGraph graph) {
          fit(graph, workers, wrapper -> wrapper.fit(feed.multiDataSets()));
          return null;
        }
      });
      feed.rethrow();
    });
  }

  private static void fit(Model model, int workers, Consumer<ParallelWrapper> epoch) {
    ParallelWrapper wrapper = new ParallelWrapper.Builder<>(model)
        .workers(workers)
        .trainingMode(ParallelWrapper.TrainingMode.AVERAGING)
        .averagingFrequency(1)
        .averageUpdaters(true)
        .reportScoreAfterAveraging(false)
        .prefetchBuffer(0)
        .build();
    try {
      epoch.accept(wrapper);
    } finally {
      wrapper.shutdown();
    }
  }

  /** The epoch's minibatches, copied by a producer thread into a short queue. */
  private static final class Feed {
    private final BlockingQueue<INDArray[][]> queue;
    private final Thread producer;
    private volatile Throwable failure;
    private INDArray[][] next;

    Feed(Batches.Epochs batches, IntConsumer progress, int workers) {
      this.queue = new ArrayBlockingQueue<>(2 * workers);
      this.producer = new Thread(() -> {
        try {
          batches.nextEpoch((features, labels) -> put(new INDArray[][] {copy(features), copy(labels)}),
              progress);
        } catch (Throwable e) {
          failure = e;
        } finally {
          put(END);
        }
      }, "deepbuild-replica-feed");
      producer.setDaemon(true);
      producer.start();
    }

    private void put(INDArray[][] batch) {
      try {
        queue.put(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while handing minibatches to the replicas", e);
      }
    }

    private static INDArray[] copy(INDArray[] arrays) {
      INDArray[] copies = new INDArray[arrays.length];
      for (int i = 0; i < arrays.length; i++) {
        copies[i] = arrays[i].detach().dup();
      }
      return copies;
    }

    boolean hasNext() {
      if (next == null) {
        try {
          next = queue.take();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for a minibatch", e);
        }
      }
      return next != END;
    }

    INDArray[][] take() {
      if (!hasNext()) {
        throw new NoSuchElementException("the epoch has no more minibatches");
      }
      INDArray[][] batch = next;
      next = null;
      return batch;
    }

    void rethrow() {
      if (failure != null) {
        throw new DeepBuildException("Reading the epoch's minibatches failed: " + failure, failure);
      }
    }

    DataSetIterator dataSets() {
      return new DataSets();
    }

    MultiDataSetIterator multiDataSets() {
      return new MultiDataSets();
    }

    /**
     * The epoch's minibatches as DL4J iterates over them, one epoch that it must neither reset nor
     * prefetch, for either kind of iterator.
     *
     * @param <T> what a minibatch is to the iterator
     * @param <P> the iterator's kind of preprocessor, which it refuses
     */
    private abstract class OneEpoch<T, P> implements Iterator<T> {
      abstract T of(INDArray[][] batch);

      @Override
      public boolean hasNext() {
        return Feed.this.hasNext();
      }

      @Override
      public T next() {
        return of(take());
      }

      public T next(int num) {
        throw new UnsupportedOperationException("minibatches come in the epoch's own sizes");
      }

      public boolean resetSupported() {
        return false;
      }

      public boolean asyncSupported() {
        return false;
      }

      public void reset() {
        throw new UnsupportedOperationException("one epoch is fed once");
      }

      public void setPreProcessor(P preProcessor) {
        throw new UnsupportedOperationException("the minibatches come preprocessed");
      }

      public P getPreProcessor() {
        return null;
      }
    }

    /** A sequential network's minibatches: one features and one labels array each. */
    private final class DataSets extends OneEpoch<DataSet, DataSetPreProcessor>
        implements DataSetIterator {
      @Override
      DataSet of(INDArray[][] batch) {
        return new DataSet(batch[0][0], batch[1][0]);
      }

      @Override
      public int inputColumns() {
        return -1;
      }

      @Override
      public int totalOutcomes() {
        return -1;
      }

      @Override
      public int batch() {
        return -1;
      }

      @Override
      public List<String> getLabels() {
        return null;
      }
    }

    /** A graph's minibatches: an array per input and per output. */
    private final class MultiDataSets extends OneEpoch<MultiDataSet, MultiDataSetPreProcessor>
        implements MultiDataSetIterator {
      @Override
      MultiDataSet of(INDArray[][] batch) {
        return new org.nd4j.linalg.dataset.MultiDataSet(batch[0], batch[1]);
      }
    }
  }
}
